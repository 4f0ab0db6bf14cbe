package io.faultline.models.glacier.api;

import org.apiguardian.api.API;

/**
 * The answer to UploadArchive or CompleteMultipartUpload.
 *
 * @param archiveId the service-assigned, opaque archive ID (FIDELITY B1)
 * @param treeHash  the archive's tree hash as the service computed it
 * @param location  the archive's resource path
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArchiveReceipt(String archiveId, String treeHash, String location) {
}

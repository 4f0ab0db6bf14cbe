package io.faultline.models.glacier.api;

/**
 * The answer to UploadArchive or CompleteMultipartUpload.
 *
 * @param archiveId the service-assigned, opaque archive ID (FIDELITY B1)
 * @param treeHash  the archive's tree hash as the service computed it
 * @param location  the archive's resource path
 */
public record ArchiveReceipt(String archiveId, String treeHash, String location) {
}

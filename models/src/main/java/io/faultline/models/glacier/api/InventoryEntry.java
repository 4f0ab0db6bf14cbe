package io.faultline.models.glacier.api;

import org.apiguardian.api.API;

/**
 * One archive as an inventory lists it.
 *
 * @param archiveId     the archive
 * @param description   its description (immutable, FIDELITY B1)
 * @param creationNanos virtual time of its upload
 * @param size          bytes
 * @param treeHash      its SHA-256 tree hash
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record InventoryEntry(String archiveId, String description, long creationNanos, long size, String treeHash) {
}

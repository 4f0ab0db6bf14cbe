package io.faultline.models.glacier.api;

/**
 * One archive as an inventory lists it.
 *
 * @param archiveId     the archive
 * @param description   its description (immutable, FIDELITY B1)
 * @param creationNanos virtual time of its upload
 * @param size          bytes
 * @param treeHash      its SHA-256 tree hash
 */
public record InventoryEntry(String archiveId, String description, long creationNanos, long size, String treeHash) {
}

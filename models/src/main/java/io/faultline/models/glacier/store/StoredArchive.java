package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.InventoryEntry;

/** An archive as the vault keeps it: immutable once written (FIDELITY B1). */
record StoredArchive(String archiveId, String description, long creationNanos, ArchiveBody body) {
    InventoryEntry entry() {
        return new InventoryEntry(archiveId, description, creationNanos, body.size(), body.treeHash());
    }
}

package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.InventoryEntry;
import io.faultline.models.glacier.api.LockPolicy;
import io.faultline.models.glacier.api.VaultInfo;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** One vault's state inside the store: live archives, the last inventory, the lock, the notification target. */
final class Vault {
    final String name;
    final long creationNanos;
    final TreeMap<String, StoredArchive> archives = new TreeMap<>();
    /** Archives ever stored here, so that a repeated DeleteArchive stays idempotent (B1). */
    final TreeMap<String, Long> deleted = new TreeMap<>();
    long lastWriteNanos = -1;
    Optional<Long> inventoryNanos = Optional.empty();
    List<InventoryEntry> inventory = List.of();
    Optional<io.faultline.sim.HostId> notificationTarget = Optional.empty();
    Optional<LockState> lock = Optional.empty();

    /** Vault Lock state (FIDELITY B4): InProgress until completed, aborted or 24 h pass; then Locked for good. */
    record LockState(LockPolicy policy, String lockId, boolean locked, long initiatedNanos) {
    }

    Vault(String name, long creationNanos) {
        this.name = name;
        this.creationNanos = creationNanos;
    }

    /** True if archives were added or deleted since the last inventory (or ever, if none was taken). */
    boolean changedSinceInventory() {
        return lastWriteNanos >= 0 && inventoryNanos.map(t -> lastWriteNanos > t).orElse(true);
    }

    VaultInfo info() {
        long size = 0;
        for (InventoryEntry e : inventory) {
            size += e.size();
        }
        return new VaultInfo(name, creationNanos, inventoryNanos, inventory.size(), size);
    }
}

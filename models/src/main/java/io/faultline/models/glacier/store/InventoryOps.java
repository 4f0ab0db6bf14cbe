package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.InventoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The daily inventory of {@link VaultStore} (FIDELITY B3). */
final class InventoryOps {
    private InventoryOps() {
    }

    static List<String> takeInventory(StoreState s, long now) {
        List<String> done = new ArrayList<>();
        for (Vault v : s.vaults.values()) {
            if (v.changedSinceInventory()) {
                List<InventoryEntry> entries = new ArrayList<>();
                for (StoredArchive a : v.archives.values()) {
                    entries.add(a.entry());
                }
                v.inventory = List.copyOf(entries);
                v.inventoryNanos = Optional.of(now);
                done.add(v.name);
            }
        }
        return done;
    }
}

package io.faultline.models.glacier.api;

import java.util.List;
import org.apiguardian.api.API;

/**
 * GetJobOutput's answer: the archive's content or the inventory snapshot.
 *
 * <pre>{@code
 * if (out instanceof JobOutput.Inventory inv && inv.entries().isEmpty()) { ... }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface JobOutput {
    /** The retrieved archive (its tree hash lets the caller check the download, FIDELITY B2). */
    record Archive(String archiveId, ArchiveBody body) implements JobOutput {
    }

    /** The vault's last inventory (a snapshot, not live state: FIDELITY B3). */
    record Inventory(String vault, long inventoryNanos, List<InventoryEntry> entries) implements JobOutput {
        public Inventory {
            entries = List.copyOf(entries);
        }
    }
}

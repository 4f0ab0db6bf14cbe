package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.s3.cold.ExpeditedCapacity;
import io.faultline.sim.Rng;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the vault store holds, shared by its operation families ({@link VaultOps}, {@link ArchiveOps},
 * {@link MultipartOps}, {@link JobOps}, {@link InventoryOps}, {@link LockOps}): vaults, uploads and
 * jobs by ID (sorted maps, so that iteration is deterministic), the Expedited capacity and the ID
 * counter, plus the few steps more than one family takes.
 */
final class StoreState {
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{0,1024}");

    final TreeMap<String, Vault> vaults = new TreeMap<>();
    final TreeMap<String, MultipartUpload> uploads = new TreeMap<>();
    final TreeMap<String, Job> jobs = new TreeMap<>();
    final ExpeditedCapacity capacity;
    private long nextId;

    StoreState(ExpeditedCapacity capacity) {
        this.capacity = capacity;
    }

    /** Stores a new archive in {@code v} (a single upload or a completed multipart upload). */
    ArchiveReceipt store(long now, Rng rng, Vault v, String description, ArchiveBody body) {
        String id = newId(rng, "archive");
        v.archives.put(id, new StoredArchive(id, description, now, body));
        v.lastWriteNanos = now;
        return new ArchiveReceipt(id, body.treeHash(), "/-/vaults/" + v.name + "/archives/" + id);
    }

    String newId(Rng rng, String kind) {
        return kind + "-" + (nextId++) + "-" + Long.toHexString(rng.nextLong() >>> 16);
    }

    static Optional<String> checkDescription(String description) {
        return PRINTABLE.matcher(description).matches() ? Optional.empty()
                : Optional.of("an archive description is at most 1024 printable ASCII characters");
    }

    static <T> GlacierResult<T> noVault(String name) {
        return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no vault " + name);
    }
}

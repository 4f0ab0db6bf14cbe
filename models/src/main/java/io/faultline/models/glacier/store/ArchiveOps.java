package io.faultline.models.glacier.store;

import static io.faultline.models.glacier.store.StoreState.noVault;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.Optional;

/** The archive operations of {@link VaultStore}: single upload and delete (FIDELITY B1, B4). */
final class ArchiveOps {
    private ArchiveOps() {
    }

    static GlacierResult<ArchiveReceipt> uploadArchive(StoreState s, long now, Rng rng, String vault,
            String description, ArchiveBody body, String checksum) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<String> bad = StoreState.checkDescription(description);
        if (bad.isEmpty() && (body.size() < 1 || body.size() > VaultStore.MAX_SINGLE_UPLOAD)) {
            bad = Optional.of("a single upload holds 1 byte to 4 GiB, not " + body.size());
        }
        if (bad.isEmpty() && !body.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch: sent " + checksum + ", computed " + body.treeHash());
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        return GlacierResult.ok(s.store(now, rng, v, description, body));
    }

    static GlacierResult<String> deleteArchive(StoreState s, long now, String vault, String archiveId) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        StoredArchive a = v.archives.get(archiveId);
        if (a == null) {
            return v.deleted.containsKey(archiveId) ? GlacierResult.ok(archiveId)
                    : GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no archive " + archiveId + " in " + vault);
        }
        Optional<Vault.LockState> lock = LockOps.liveLock(now, v);
        if (lock.isPresent() && lock.get().locked()
                && now - a.creationNanos() < lock.get().policy().denyDeleteYoungerThanDays() * Simulation.DAYS) {
            return GlacierResult.err(GlacierError.ACCESS_DENIED, "the vault lock policy denies deleting archive "
                    + archiveId + " before it is " + lock.get().policy().denyDeleteYoungerThanDays() + " days old");
        }
        v.archives.remove(archiveId);
        v.deleted.put(archiveId, now);
        v.lastWriteNanos = now;
        for (Job j : s.jobs.values()) {
            if (j.vault.equals(vault) && !j.done(now) && j.request.archiveId().equals(Optional.of(archiveId))) {
                j.failure = "archive deleted while the job was in progress";
                j.completeAt = now;
            }
        }
        return GlacierResult.ok(archiveId);
    }
}

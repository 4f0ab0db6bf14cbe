package io.faultline.models.glacier.store;

import static io.faultline.models.glacier.store.StoreState.noVault;

import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.LockInfo;
import io.faultline.models.glacier.api.LockPolicy;
import io.faultline.sim.Rng;
import java.util.Optional;

/** The Vault Lock operations of {@link VaultStore} (FIDELITY B4): initiate, complete, abort, get. */
final class LockOps {
    private LockOps() {
    }

    static GlacierResult<String> initiateVaultLock(StoreState s, long now, Rng rng, String vault, LockPolicy policy) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isPresent()) {
            return GlacierResult.err(GlacierError.ACCESS_DENIED, "vault " + vault + " lock is "
                    + (lock.get().locked() ? "Locked" : "InProgress"));
        }
        String id = s.newId(rng, "lock");
        v.lock = Optional.of(new Vault.LockState(policy, id, false, now));
        return GlacierResult.ok(id);
    }

    static GlacierResult<String> completeVaultLock(StoreState s, long now, String vault, String lockId) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isEmpty()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "no lock in progress on " + vault + " (a lock ID expires 24 hours after InitiateVaultLock)");
        }
        Vault.LockState l = lock.get();
        if (!l.lockId().equals(lockId)) {
            return GlacierResult.err(l.locked() ? GlacierError.ACCESS_DENIED : GlacierError.INVALID_PARAMETER_VALUE,
                    "wrong lock ID " + lockId);
        }
        v.lock = Optional.of(new Vault.LockState(l.policy(), l.lockId(), true, l.initiatedNanos()));
        return GlacierResult.ok(lockId);
    }

    static GlacierResult<String> abortVaultLock(StoreState s, long now, String vault) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isPresent() && lock.get().locked()) {
            return GlacierResult.err(GlacierError.ACCESS_DENIED, "vault " + vault + " is Locked for good");
        }
        v.lock = Optional.empty();
        return GlacierResult.ok(vault);
    }

    static GlacierResult<LockInfo> getVaultLock(StoreState s, long now, String vault) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isEmpty()) {
            return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "vault " + vault + " has no lock policy");
        }
        Vault.LockState l = lock.get();
        return GlacierResult.ok(new LockInfo(l.locked() ? "Locked" : "InProgress", l.policy(), l.lockId(),
                l.locked() ? Optional.empty() : Optional.of(l.initiatedNanos() + VaultStore.LOCK_WINDOW)));
    }

    /** The vault's lock, dropping one still InProgress 24 hours after its initiation. */
    static Optional<Vault.LockState> liveLock(long now, Vault v) {
        if (v.lock.isPresent() && !v.lock.get().locked()
                && now >= v.lock.get().initiatedNanos() + VaultStore.LOCK_WINDOW) {
            v.lock = Optional.empty();
        }
        return v.lock;
    }
}

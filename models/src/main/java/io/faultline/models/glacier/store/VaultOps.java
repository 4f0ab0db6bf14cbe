package io.faultline.models.glacier.store;

import static io.faultline.models.glacier.store.StoreState.noVault;

import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.VaultInfo;
import io.faultline.sim.HostId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The vault operations of {@link VaultStore}: create, describe, list, delete, notifications (FIDELITY B1). */
final class VaultOps {
    private static final Pattern VAULT_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,255}");

    private VaultOps() {
    }

    static GlacierResult<String> createVault(StoreState s, long now, String name) {
        if (!VAULT_NAME.matcher(name).matches()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "vault name must be 1 to 255 characters of [a-zA-Z0-9_.-]: '" + name + "'");
        }
        if (!s.vaults.containsKey(name)) {
            if (s.vaults.size() >= VaultStore.MAX_VAULTS) {
                return GlacierResult.err(GlacierError.LIMIT_EXCEEDED, "at most " + VaultStore.MAX_VAULTS + " vaults");
            }
            s.vaults.put(name, new Vault(name, now));
        }
        return GlacierResult.ok("/-/vaults/" + name);
    }

    static GlacierResult<VaultInfo> describeVault(StoreState s, String name) {
        Vault v = s.vaults.get(name);
        return v == null ? noVault(name) : GlacierResult.ok(v.info());
    }

    static List<VaultInfo> listVaults(StoreState s) {
        List<VaultInfo> out = new ArrayList<>();
        for (Vault v : s.vaults.values()) {
            out.add(v.info());
        }
        return out;
    }

    static GlacierResult<String> deleteVault(StoreState s, String name) {
        Vault v = s.vaults.get(name);
        if (v == null) {
            return noVault(name);
        }
        if (v.changedSinceInventory() || !v.inventory.isEmpty()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "vault " + name + " is not empty or was written to since its last inventory");
        }
        s.vaults.remove(name);
        return GlacierResult.ok(name);
    }

    static GlacierResult<String> setVaultNotifications(StoreState s, String name, HostId target) {
        Vault v = s.vaults.get(name);
        if (v == null) {
            return noVault(name);
        }
        v.notificationTarget = Optional.of(target);
        return GlacierResult.ok(target.name());
    }
}

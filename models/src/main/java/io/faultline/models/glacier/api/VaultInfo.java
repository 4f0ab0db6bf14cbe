package io.faultline.models.glacier.api;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * DescribeVault's answer. Counts and size come from the last inventory, not from live state
 * (FIDELITY B3), so an archive uploaded today is not counted until the next daily inventory.
 *
 * @param name              the vault name
 * @param creationNanos     virtual time of CreateVault
 * @param lastInventoryNanos virtual time of the last inventory, if one was taken
 * @param numberOfArchives  archives in that inventory
 * @param sizeInBytes       their total size
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record VaultInfo(String name, long creationNanos, Optional<Long> lastInventoryNanos,
        long numberOfArchives, long sizeInBytes) {
}

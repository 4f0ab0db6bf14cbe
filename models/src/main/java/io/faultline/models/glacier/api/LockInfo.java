package io.faultline.models.glacier.api;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * GetVaultLock's answer.
 *
 * @param state          {@code InProgress} or {@code Locked}
 * @param policy         the lock policy
 * @param lockId         the lock ID InitiateVaultLock returned
 * @param expiresNanos   while InProgress: when the lock ID expires (24 h after initiation, FIDELITY B4)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LockInfo(String state, LockPolicy policy, String lockId, Optional<Long> expiresNanos) {
}

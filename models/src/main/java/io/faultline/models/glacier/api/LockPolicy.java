package io.faultline.models.glacier.api;

import org.apiguardian.api.API;


/**
 * The Vault Lock policy this model understands: the usual compliance control, "deny DeleteArchive
 * for archives younger than N days" (a real policy is an IAM JSON document of up to 20 KB,
 * FIDELITY B4; this model keeps only that one statement).
 *
 * <pre>{@code
 * LockPolicy keep365 = new LockPolicy(365);
 * }</pre>
 *
 * @param denyDeleteYoungerThanDays archives younger than this many days cannot be deleted
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LockPolicy(int denyDeleteYoungerThanDays) {
    public LockPolicy {
        if (denyDeleteYoungerThanDays < 0) {
            throw new IllegalArgumentException("days must not be negative: " + denyDeleteYoungerThanDays);
        }
    }
}

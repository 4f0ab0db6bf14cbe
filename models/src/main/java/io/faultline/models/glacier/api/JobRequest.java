package io.faultline.models.glacier.api;

import io.faultline.sim.HostId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * InitiateJob's parameters (FIDELITY B2).
 *
 * <pre>{@code
 * JobRequest get = JobRequest.archive(archiveId, Tier.BULK).notifying(me);
 * JobRequest list = JobRequest.inventory();
 * }</pre>
 *
 * @param type      archive or inventory retrieval
 * @param archiveId the archive, for an archive retrieval
 * @param tier      the tier (Standard by default; inventory jobs ignore it and take 3 to 5 hours)
 * @param notifyTo  where to send the job-completion notification (the SNS topic of the real API);
 *                  the vault's notification target is used when empty
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JobRequest(Type type, Optional<String> archiveId, Tier tier, Optional<HostId> notifyTo) {
    /** InitiateJob's {@code Type}. */
    public enum Type {
        ARCHIVE_RETRIEVAL("ArchiveRetrieval"), INVENTORY_RETRIEVAL("InventoryRetrieval");

        private final String action;

        Type(String action) {
            this.action = action;
        }

        /** The job's {@code Action} as DescribeJob shows it. */
        public String action() {
            return action;
        }
    }

    public static JobRequest archive(String archiveId, Tier tier) {
        return new JobRequest(Type.ARCHIVE_RETRIEVAL, Optional.of(archiveId), tier, Optional.empty());
    }

    public static JobRequest inventory() {
        return new JobRequest(Type.INVENTORY_RETRIEVAL, Optional.empty(), Tier.STANDARD, Optional.empty());
    }

    /** The same request, notifying {@code host} on completion. */
    public JobRequest notifying(HostId host) {
        return new JobRequest(type, archiveId, tier, Optional.of(host));
    }
}

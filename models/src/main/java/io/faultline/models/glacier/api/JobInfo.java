package io.faultline.models.glacier.api;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * DescribeJob's answer (and the body of a job-completion notification).
 *
 * @param jobId           the job
 * @param vault           its vault
 * @param action          {@code ArchiveRetrieval} or {@code InventoryRetrieval}
 * @param archiveId       the archive, for an archive retrieval
 * @param tier            the retrieval tier
 * @param status          where it stands now
 * @param statusMessage   why it failed, or empty
 * @param creationNanos   virtual time of InitiateJob
 * @param completionNanos virtual time it completed (or will: known to the model, shown only once done)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JobInfo(String jobId, String vault, String action, Optional<String> archiveId, Tier tier,
        JobStatus status, String statusMessage, long creationNanos, Optional<Long> completionNanos) {

    /** Time from InitiateJob to completion, once completed. */
    public Optional<Long> elapsedNanos() {
        return completionNanos.map(c -> c - creationNanos);
    }
}

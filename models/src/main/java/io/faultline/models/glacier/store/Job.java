package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.sim.HostId;
import java.util.Optional;

/**
 * A job's state inside the store. Its status follows from the clock: in progress until
 * {@code completeAt}, then succeeded (or failed, if its archive was deleted while it was still
 * being prepared, FIDELITY B1 "Delete archive"), and gone 24 hours after completion (B2).
 */
final class Job {
    final String jobId;
    final String vault;
    final JobRequest request;
    final long creationNanos;
    long completeAt;
    final Optional<HostId> notify;
    JobOutput output;
    String failure = "";

    Job(String jobId, String vault, JobRequest request, long creationNanos, long completeAt,
            Optional<HostId> notify, JobOutput output) {
        this.jobId = jobId;
        this.vault = vault;
        this.request = request;
        this.creationNanos = creationNanos;
        this.completeAt = completeAt;
        this.notify = notify;
        this.output = output;
    }

    boolean done(long now) {
        return now >= completeAt;
    }

    JobStatus status(long now) {
        if (!done(now)) {
            return JobStatus.IN_PROGRESS;
        }
        return failure.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.FAILED;
    }

    JobInfo info(long now) {
        return new JobInfo(jobId, vault, request.type().action(), request.archiveId(), request.tier(), status(now),
                done(now) ? failure : "", creationNanos, done(now) ? Optional.of(completeAt) : Optional.empty());
    }
}

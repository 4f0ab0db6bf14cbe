package io.faultline.models.glacier.store;

import static io.faultline.models.glacier.store.StoreState.noVault;

import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.models.glacier.api.Tier;
import io.faultline.models.s3.cold.ExpeditedCapacity;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The job operations of {@link VaultStore} (FIDELITY B2, B3): initiate, describe, get output, list,
 * provisioned capacity, and what the service needs to send completion notifications.
 */
final class JobOps {
    private JobOps() {
    }

    static GlacierResult<JobInfo> initiateJob(StoreState s, long now, Rng rng, String vault, JobRequest request) {
        Vault v = s.vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        JobOutput output;
        long delay;
        if (request.type() == JobRequest.Type.ARCHIVE_RETRIEVAL) {
            Optional<StoredArchive> a = request.archiveId().map(v.archives::get);
            if (a.isEmpty()) {
                return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND,
                        "no archive " + request.archiveId().orElse("(none given)") + " in " + vault);
            }
            if (request.tier() == Tier.EXPEDITED && !s.capacity.tryAcquire(now)) {
                return GlacierResult.err(GlacierError.INSUFFICIENT_CAPACITY,
                        "insufficient capacity for an Expedited retrieval; retry or use provisioned capacity");
            }
            output = new JobOutput.Archive(a.get().archiveId(), a.get().body());
            delay = request.tier().drawCompletion(rng);
        } else {
            if (v.inventoryNanos.isEmpty()) {
                return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "vault " + vault + " has no inventory yet");
            }
            output = new JobOutput.Inventory(vault, v.inventoryNanos.get(), v.inventory);
            delay = Tier.STANDARD.drawCompletion(rng);
        }
        String id = s.newId(rng, "job");
        Optional<HostId> notify = request.notifyTo().isPresent() ? request.notifyTo() : v.notificationTarget;
        Job job = new Job(id, vault, request, now, now + delay, notify, output);
        s.jobs.put(id, job);
        return GlacierResult.ok(job.info(now));
    }

    static GlacierResult<JobInfo> describeJob(StoreState s, long now, String vault, String jobId) {
        Optional<Job> j = liveJob(s, now, vault, jobId);
        return j.isEmpty() ? noJob(vault, jobId) : GlacierResult.ok(j.get().info(now));
    }

    static GlacierResult<JobOutput> getJobOutput(StoreState s, long now, String vault, String jobId) {
        Optional<Job> found = liveJob(s, now, vault, jobId);
        if (found.isEmpty()) {
            return noJob(vault, jobId);
        }
        Job j = found.get();
        JobStatus status = j.status(now);
        if (status != JobStatus.SUCCEEDED) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, "job " + jobId + " is "
                    + status + ": its output is not available for download");
        }
        return GlacierResult.ok(j.output);
    }

    static GlacierResult<List<JobInfo>> listJobs(StoreState s, long now, String vault) {
        if (!s.vaults.containsKey(vault)) {
            return noVault(vault);
        }
        List<JobInfo> out = new ArrayList<>();
        for (Job j : s.jobs.values()) {
            if (j.vault.equals(vault) && !expired(now, j)) {
                out.add(j.info(now));
            }
        }
        return GlacierResult.ok(out);
    }

    static GlacierResult<String> purchaseProvisionedCapacity(StoreState s, Rng rng) {
        if (!s.capacity.addUnit()) {
            return GlacierResult.err(GlacierError.LIMIT_EXCEEDED,
                    "at most " + ExpeditedCapacity.MAX_UNITS + " provisioned capacity units");
        }
        return GlacierResult.ok(s.newId(rng, "capacity"));
    }

    static TreeMap<String, Long> pendingCompletions(StoreState s, long now) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (Job j : s.jobs.values()) {
            if (!j.done(now)) {
                out.put(j.jobId, j.completeAt);
            }
        }
        return out;
    }

    static Optional<String> vaultOfJob(StoreState s, String jobId) {
        return Optional.ofNullable(s.jobs.get(jobId)).map(j -> j.vault);
    }

    static Optional<Long> completionOf(StoreState s, String jobId) {
        return Optional.ofNullable(s.jobs.get(jobId)).map(j -> j.completeAt);
    }

    static Optional<HostId> notificationTarget(StoreState s, String jobId) {
        Job j = s.jobs.get(jobId);
        return j == null ? Optional.empty() : j.notify;
    }

    /** The job, unless unknown, of another vault, or past its output window (then it is removed). */
    private static Optional<Job> liveJob(StoreState s, long now, String vault, String jobId) {
        Job j = s.jobs.get(jobId);
        if (j == null || !j.vault.equals(vault)) {
            return Optional.empty();
        }
        if (expired(now, j)) {
            s.jobs.remove(jobId);
            return Optional.empty();
        }
        return Optional.of(j);
    }

    private static boolean expired(long now, Job j) {
        return j.done(now) && now >= j.completeAt + VaultStore.OUTPUT_WINDOW;
    }

    private static <T> GlacierResult<T> noJob(String vault, String jobId) {
        return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no job " + jobId + " in " + vault
                + " (job output is kept 24 hours after completion)");
    }
}

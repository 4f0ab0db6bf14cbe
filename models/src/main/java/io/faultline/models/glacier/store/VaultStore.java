package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.LockInfo;
import io.faultline.models.glacier.api.LockPolicy;
import io.faultline.models.glacier.api.VaultInfo;
import io.faultline.models.glacier.server.GlacierService;
import io.faultline.models.s3.cold.ExpeditedCapacity;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The vault API's rules, as a pure state machine: every call takes the virtual time (and a seeded
 * stream where the service draws something) and answers a {@link GlacierResult}; invalid requests
 * are answered with Glacier's error codes, never thrown. {@link GlacierService} runs it on a host.
 * Like {@code s3.store.BucketStore}, it holds the state and leaves each family of operations to its
 * own class: {@link VaultOps}, {@link ArchiveOps}, {@link MultipartOps}, {@link JobOps},
 * {@link InventoryOps} and {@link LockOps}.
 *
 * <pre>{@code
 * VaultStore store = new VaultStore(5);          // 5 on-demand Expedited retrievals per 5 minutes
 * store.createVault(0, "photos");
 * ArchiveBody body = ArchiveBody.of(bytes);
 * String id = store.uploadArchive(0, rng, "photos", "2026 trip", body, body.treeHash()).value().archiveId();
 * JobInfo job = store.initiateJob(0, rng, "photos", JobRequest.archive(id, Tier.STANDARD)).value();
 * store.getJobOutput(6 * Simulation.HOURS, "photos", job.jobId());    // Ok: 3 to 5 hours have passed
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class VaultStore {
    /** Vaults per account and Region (FIDELITY B1). */
    public static final int MAX_VAULTS = 1000;
    /** Largest single-request upload: 4 GiB (FIDELITY B1). */
    public static final long MAX_SINGLE_UPLOAD = 4L << 30;
    /** Job output stays available this long after completion (FIDELITY B2). */
    public static final long OUTPUT_WINDOW = 24 * Simulation.HOURS;
    /** An inactive multipart upload may be removed after this long (FIDELITY B1). */
    public static final long UPLOAD_IDLE_LIMIT = 24 * Simulation.HOURS;
    /** A Vault Lock must be completed within this long of its initiation (FIDELITY B4). */
    public static final long LOCK_WINDOW = 24 * Simulation.HOURS;

    private final StoreState state;

    /** @param onDemandExpeditedPer5Min Expedited retrievals the on-demand pool admits per rolling 5 minutes */
    public VaultStore(int onDemandExpeditedPer5Min) {
        this.state = new StoreState(new ExpeditedCapacity(onDemandExpeditedPer5Min));
    }

    // ---- vaults ----

    /** CreateVault: idempotent (FIDELITY B1); the answer is the vault's location. */
    public GlacierResult<String> createVault(long now, String name) {
        return VaultOps.createVault(state, now, name);
    }

    /** DescribeVault: counts and size as of the last inventory (FIDELITY B3). */
    public GlacierResult<VaultInfo> describeVault(long now, String name) {
        return VaultOps.describeVault(state, name);
    }

    /** ListVaults, by name. */
    public List<VaultInfo> listVaults(long now) {
        return VaultOps.listVaults(state);
    }

    /**
     * DeleteVault: only if the last inventory listed no archives and nothing was written since
     * (FIDELITY B1 "Delete vault"); a vault never written to can always be deleted.
     */
    public GlacierResult<String> deleteVault(long now, String name) {
        return VaultOps.deleteVault(state, name);
    }

    /** SetVaultNotifications: completed jobs of this vault notify {@code target} unless the job names its own. */
    public GlacierResult<String> setVaultNotifications(long now, String name, HostId target) {
        return VaultOps.setVaultNotifications(state, name, target);
    }

    // ---- archives ----

    /** UploadArchive: 1 byte to 4 GiB, the checksum must equal the body's tree hash (FIDELITY B1). */
    public GlacierResult<ArchiveReceipt> uploadArchive(long now, Rng rng, String vault, String description,
            ArchiveBody body, String checksum) {
        return ArchiveOps.uploadArchive(state, now, rng, vault, description, body, checksum);
    }

    /**
     * DeleteArchive: idempotent (FIDELITY B1); denied by a Locked policy for young archives (B4).
     * Retrievals of the archive still being prepared fail; finished ones keep their output.
     */
    public GlacierResult<String> deleteArchive(long now, String vault, String archiveId) {
        return ArchiveOps.deleteArchive(state, now, vault, archiveId);
    }

    // ---- multipart ----

    /** InitiateMultipartUpload: the part size must be 1 MiB x 2^k, at most 4 GiB (FIDELITY B1). */
    public GlacierResult<String> initiateMultipartUpload(long now, Rng rng, String vault, long partSize,
            String description) {
        return MultipartOps.initiateMultipartUpload(state, now, rng, vault, partSize, description);
    }

    /** UploadMultipartPart: aligned range, checked tree hash; re-sending a part overwrites it. */
    public GlacierResult<String> uploadMultipartPart(long now, String vault, String uploadId, long rangeStart,
            ArchiveBody body, String checksum) {
        return MultipartOps.uploadMultipartPart(state, now, vault, uploadId, rangeStart, body, checksum);
    }

    /** CompleteMultipartUpload: no missing range, the right size and tree hash; idempotent once done. */
    public GlacierResult<ArchiveReceipt> completeMultipartUpload(long now, Rng rng, String vault, String uploadId,
            long archiveSize, String checksum) {
        return MultipartOps.completeMultipartUpload(state, now, rng, vault, uploadId, archiveSize, checksum);
    }

    /** AbortMultipartUpload. */
    public GlacierResult<String> abortMultipartUpload(long now, String vault, String uploadId) {
        return MultipartOps.abortMultipartUpload(state, now, vault, uploadId);
    }

    // ---- jobs ----

    /**
     * InitiateJob: an archive retrieval completes within its tier's window (FIDELITY B2.1); an
     * Expedited one needs capacity (InsufficientCapacityException otherwise). An inventory
     * retrieval returns the last inventory as it stands now (B3) and takes 3 to 5 hours ([M15]).
     */
    public GlacierResult<JobInfo> initiateJob(long now, Rng rng, String vault, JobRequest request) {
        return JobOps.initiateJob(state, now, rng, vault, request);
    }

    /** DescribeJob; a job is gone 24 hours after completion (FIDELITY B2). */
    public GlacierResult<JobInfo> describeJob(long now, String vault, String jobId) {
        return JobOps.describeJob(state, now, vault, jobId);
    }

    /** GetJobOutput: only once succeeded, and only for 24 hours (FIDELITY B2). */
    public GlacierResult<JobOutput> getJobOutput(long now, String vault, String jobId) {
        return JobOps.getJobOutput(state, now, vault, jobId);
    }

    /** ListJobs: in-progress jobs and those finished within 24 hours, by job ID. */
    public GlacierResult<List<JobInfo>> listJobs(long now, String vault) {
        return JobOps.listJobs(state, now, vault);
    }

    /** PurchaseProvisionedCapacity: one more unit (3 Expedited retrievals per 5 minutes), at most 2. */
    public GlacierResult<String> purchaseProvisionedCapacity(long now, Rng rng) {
        return JobOps.purchaseProvisionedCapacity(state, rng);
    }

    /** Jobs not yet complete, with their completion times (the service arms notification timers). */
    public TreeMap<String, Long> pendingCompletions(long now) {
        return JobOps.pendingCompletions(state, now);
    }

    /** The vault of a job still known to the store. */
    public Optional<String> vaultOfJob(String jobId) {
        return JobOps.vaultOfJob(state, jobId);
    }

    /** When a job still known to the store completes (or completed). */
    public Optional<Long> completionOf(String jobId) {
        return JobOps.completionOf(state, jobId);
    }

    /** Where a job's completion notification goes, if anywhere. */
    public Optional<HostId> notificationTarget(String jobId) {
        return JobOps.notificationTarget(state, jobId);
    }

    // ---- inventory ----

    /**
     * The daily inventory (FIDELITY B3): every vault with archives added or deleted since its last
     * inventory gets a new snapshot dated {@code now}; the others keep theirs (and its date).
     *
     * @return the names of the vaults inventoried
     */
    public List<String> takeInventory(long now) {
        return InventoryOps.takeInventory(state, now);
    }

    // ---- vault lock (FIDELITY B4) ----

    /** InitiateVaultLock: InProgress for 24 hours; refused while one is in progress or once locked. */
    public GlacierResult<String> initiateVaultLock(long now, Rng rng, String vault, LockPolicy policy) {
        return LockOps.initiateVaultLock(state, now, rng, vault, policy);
    }

    /** CompleteVaultLock: with the right lock ID within 24 hours; idempotent once Locked. */
    public GlacierResult<String> completeVaultLock(long now, String vault, String lockId) {
        return LockOps.completeVaultLock(state, now, vault, lockId);
    }

    /** AbortVaultLock: only while InProgress; a Locked policy cannot be removed. */
    public GlacierResult<String> abortVaultLock(long now, String vault) {
        return LockOps.abortVaultLock(state, now, vault);
    }

    /** GetVaultLock. */
    public GlacierResult<LockInfo> getVaultLock(long now, String vault) {
        return LockOps.getVaultLock(state, now, vault);
    }
}

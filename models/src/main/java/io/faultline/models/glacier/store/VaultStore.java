package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.InventoryEntry;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.models.glacier.api.LockInfo;
import io.faultline.models.glacier.api.LockPolicy;
import io.faultline.models.glacier.api.Tier;
import io.faultline.models.glacier.api.VaultInfo;
import io.faultline.models.glacier.server.GlacierService;
import io.faultline.models.s3.cold.ExpeditedCapacity;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The vault API's rules, as a pure state machine: every call takes the virtual time (and a seeded
 * stream where the service draws something) and answers a {@link GlacierResult}; invalid requests
 * are answered with Glacier's error codes, never thrown. {@link GlacierService} runs it on a host.
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

    private static final Pattern VAULT_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,255}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{0,1024}");

    private final TreeMap<String, Vault> vaults = new TreeMap<>();
    private final TreeMap<String, MultipartUpload> uploads = new TreeMap<>();
    private final TreeMap<String, Job> jobs = new TreeMap<>();
    private final ExpeditedCapacity capacity;
    private long nextId;

    /** @param onDemandExpeditedPer5Min Expedited retrievals the on-demand pool admits per rolling 5 minutes */
    public VaultStore(int onDemandExpeditedPer5Min) {
        this.capacity = new ExpeditedCapacity(onDemandExpeditedPer5Min);
    }

    // ---- vaults ----

    /** CreateVault: idempotent (FIDELITY B1); the answer is the vault's location. */
    public GlacierResult<String> createVault(long now, String name) {
        if (!VAULT_NAME.matcher(name).matches()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "vault name must be 1 to 255 characters of [a-zA-Z0-9_.-]: '" + name + "'");
        }
        if (!vaults.containsKey(name)) {
            if (vaults.size() >= MAX_VAULTS) {
                return GlacierResult.err(GlacierError.LIMIT_EXCEEDED, "at most " + MAX_VAULTS + " vaults");
            }
            vaults.put(name, new Vault(name, now));
        }
        return GlacierResult.ok("/-/vaults/" + name);
    }

    /** DescribeVault: counts and size as of the last inventory (FIDELITY B3). */
    public GlacierResult<VaultInfo> describeVault(long now, String name) {
        Vault v = vaults.get(name);
        return v == null ? noVault(name) : GlacierResult.ok(v.info());
    }

    /** ListVaults, by name. */
    public List<VaultInfo> listVaults(long now) {
        List<VaultInfo> out = new ArrayList<>();
        for (Vault v : vaults.values()) {
            out.add(v.info());
        }
        return out;
    }

    /**
     * DeleteVault: only if the last inventory listed no archives and nothing was written since
     * (FIDELITY B1 "Delete vault"); a vault never written to can always be deleted.
     */
    public GlacierResult<String> deleteVault(long now, String name) {
        Vault v = vaults.get(name);
        if (v == null) {
            return noVault(name);
        }
        if (v.changedSinceInventory() || !v.inventory.isEmpty()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "vault " + name + " is not empty or was written to since its last inventory");
        }
        vaults.remove(name);
        return GlacierResult.ok(name);
    }

    /** SetVaultNotifications: completed jobs of this vault notify {@code target} unless the job names its own. */
    public GlacierResult<String> setVaultNotifications(long now, String name, HostId target) {
        Vault v = vaults.get(name);
        if (v == null) {
            return noVault(name);
        }
        v.notificationTarget = Optional.of(target);
        return GlacierResult.ok(target.name());
    }

    // ---- archives ----

    /** UploadArchive: 1 byte to 4 GiB, the checksum must equal the body's tree hash (FIDELITY B1). */
    public GlacierResult<ArchiveReceipt> uploadArchive(long now, Rng rng, String vault, String description,
            ArchiveBody body, String checksum) {
        Vault v = vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<String> bad = checkDescription(description);
        if (bad.isEmpty() && (body.size() < 1 || body.size() > MAX_SINGLE_UPLOAD)) {
            bad = Optional.of("a single upload holds 1 byte to 4 GiB, not " + body.size());
        }
        if (bad.isEmpty() && !body.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch: sent " + checksum + ", computed " + body.treeHash());
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        return GlacierResult.ok(store(now, rng, v, description, body));
    }

    /**
     * DeleteArchive: idempotent (FIDELITY B1); denied by a Locked policy for young archives (B4).
     * Retrievals of the archive still being prepared fail; finished ones keep their output.
     */
    public GlacierResult<String> deleteArchive(long now, String vault, String archiveId) {
        Vault v = vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        StoredArchive a = v.archives.get(archiveId);
        if (a == null) {
            return v.deleted.containsKey(archiveId) ? GlacierResult.ok(archiveId)
                    : GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no archive " + archiveId + " in " + vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isPresent() && lock.get().locked()
                && now - a.creationNanos() < lock.get().policy().denyDeleteYoungerThanDays() * Simulation.DAYS) {
            return GlacierResult.err(GlacierError.ACCESS_DENIED, "the vault lock policy denies deleting archive "
                    + archiveId + " before it is " + lock.get().policy().denyDeleteYoungerThanDays() + " days old");
        }
        v.archives.remove(archiveId);
        v.deleted.put(archiveId, now);
        v.lastWriteNanos = now;
        for (Job j : jobs.values()) {
            if (j.vault.equals(vault) && !j.done(now) && j.request.archiveId().equals(Optional.of(archiveId))) {
                j.failure = "archive deleted while the job was in progress";
                j.completeAt = now;
            }
        }
        return GlacierResult.ok(archiveId);
    }

    // ---- multipart ----

    /** InitiateMultipartUpload: the part size must be 1 MiB x 2^k, at most 4 GiB (FIDELITY B1). */
    public GlacierResult<String> initiateMultipartUpload(long now, Rng rng, String vault, long partSize,
            String description) {
        if (!vaults.containsKey(vault)) {
            return noVault(vault);
        }
        if (!MultipartUpload.validPartSize(partSize)) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "part size must be 1 MiB times a power of two, up to 4 GiB: " + partSize);
        }
        Optional<String> bad = checkDescription(description);
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        String id = newId(rng, "upload");
        uploads.put(id, new MultipartUpload(id, vault, partSize, description, now));
        return GlacierResult.ok(id);
    }

    /** UploadMultipartPart: aligned range, checked tree hash; re-sending a part overwrites it. */
    public GlacierResult<String> uploadMultipartPart(long now, String vault, String uploadId, long rangeStart,
            ArchiveBody body, String checksum) {
        Optional<MultipartUpload> found = liveUpload(now, vault, uploadId);
        if (found.isEmpty()) {
            return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no upload " + uploadId + " in " + vault);
        }
        MultipartUpload u = found.get();
        Optional<String> bad = u.checkPart(rangeStart, body);
        if (bad.isEmpty() && !body.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch for the part at " + rangeStart);
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        u.parts.put(rangeStart, body);
        u.lastActivityNanos = now;
        return GlacierResult.ok(body.treeHash());
    }

    /** CompleteMultipartUpload: no missing range, the right size and tree hash; idempotent once done. */
    public GlacierResult<ArchiveReceipt> completeMultipartUpload(long now, Rng rng, String vault, String uploadId,
            long archiveSize, String checksum) {
        Optional<MultipartUpload> found = liveUpload(now, vault, uploadId);
        if (found.isEmpty()) {
            return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no upload " + uploadId + " in " + vault);
        }
        MultipartUpload u = found.get();
        if (u.completed.isPresent()) {
            return GlacierResult.ok(u.completed.get());
        }
        Optional<String> bad = u.checkComplete(archiveSize);
        if (bad.isEmpty() && !u.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch: sent " + checksum + ", computed from the parts " + u.treeHash());
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        Vault v = vaults.get(vault);
        ArchiveReceipt receipt = store(now, rng, v, u.description, new ArchiveBody(u.size(), u.treeHash()));
        u.completed = Optional.of(receipt);
        u.lastActivityNanos = now;
        return GlacierResult.ok(receipt);
    }

    /** AbortMultipartUpload. */
    public GlacierResult<String> abortMultipartUpload(long now, String vault, String uploadId) {
        if (liveUpload(now, vault, uploadId).isEmpty()) {
            return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no upload " + uploadId + " in " + vault);
        }
        uploads.remove(uploadId);
        return GlacierResult.ok(uploadId);
    }

    // ---- jobs ----

    /**
     * InitiateJob: an archive retrieval completes within its tier's window (FIDELITY B2.1); an
     * Expedited one needs capacity (InsufficientCapacityException otherwise). An inventory
     * retrieval returns the last inventory as it stands now (B3) and takes 3 to 5 hours ([M]).
     */
    public GlacierResult<JobInfo> initiateJob(long now, Rng rng, String vault, JobRequest request) {
        Vault v = vaults.get(vault);
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
            if (request.tier() == Tier.EXPEDITED && !capacity.tryAcquire(now)) {
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
        String id = newId(rng, "job");
        Optional<HostId> notify = request.notifyTo().isPresent() ? request.notifyTo() : v.notificationTarget;
        Job job = new Job(id, vault, request, now, now + delay, notify, output);
        jobs.put(id, job);
        return GlacierResult.ok(job.info(now));
    }

    /** DescribeJob; a job is gone 24 hours after completion (FIDELITY B2). */
    public GlacierResult<JobInfo> describeJob(long now, String vault, String jobId) {
        Optional<Job> j = liveJob(now, vault, jobId);
        return j.isEmpty() ? noJob(vault, jobId) : GlacierResult.ok(j.get().info(now));
    }

    /** GetJobOutput: only once succeeded, and only for 24 hours (FIDELITY B2). */
    public GlacierResult<JobOutput> getJobOutput(long now, String vault, String jobId) {
        Optional<Job> found = liveJob(now, vault, jobId);
        if (found.isEmpty()) {
            return noJob(vault, jobId);
        }
        Job j = found.get();
        JobStatus s = j.status(now);
        if (s != JobStatus.SUCCEEDED) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, "job " + jobId + " is "
                    + s + ": its output is not available for download");
        }
        return GlacierResult.ok(j.output);
    }

    /** ListJobs: in-progress jobs and those finished within 24 hours, by job ID. */
    public GlacierResult<List<JobInfo>> listJobs(long now, String vault) {
        if (!vaults.containsKey(vault)) {
            return noVault(vault);
        }
        List<JobInfo> out = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.vault.equals(vault) && !expired(now, j)) {
                out.add(j.info(now));
            }
        }
        return GlacierResult.ok(out);
    }

    /** PurchaseProvisionedCapacity: one more unit (3 Expedited retrievals per 5 minutes), at most 2. */
    public GlacierResult<String> purchaseProvisionedCapacity(long now, Rng rng) {
        if (!capacity.addUnit()) {
            return GlacierResult.err(GlacierError.LIMIT_EXCEEDED,
                    "at most " + ExpeditedCapacity.MAX_UNITS + " provisioned capacity units");
        }
        return GlacierResult.ok(newId(rng, "capacity"));
    }

    // ---- inventory ----

    /**
     * The daily inventory (FIDELITY B3): every vault with archives added or deleted since its last
     * inventory gets a new snapshot dated {@code now}; the others keep theirs (and its date).
     *
     * @return the names of the vaults inventoried
     */
    public List<String> takeInventory(long now) {
        List<String> done = new ArrayList<>();
        for (Vault v : vaults.values()) {
            if (v.changedSinceInventory()) {
                List<InventoryEntry> entries = new ArrayList<>();
                for (StoredArchive a : v.archives.values()) {
                    entries.add(a.entry());
                }
                v.inventory = List.copyOf(entries);
                v.inventoryNanos = Optional.of(now);
                done.add(v.name);
            }
        }
        return done;
    }

    // ---- vault lock (FIDELITY B4) ----

    /** InitiateVaultLock: InProgress for 24 hours; refused while one is in progress or once locked. */
    public GlacierResult<String> initiateVaultLock(long now, Rng rng, String vault, LockPolicy policy) {
        Vault v = vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isPresent()) {
            return GlacierResult.err(GlacierError.ACCESS_DENIED, "vault " + vault + " lock is "
                    + (lock.get().locked() ? "Locked" : "InProgress"));
        }
        String id = newId(rng, "lock");
        v.lock = Optional.of(new Vault.LockState(policy, id, false, now));
        return GlacierResult.ok(id);
    }

    /** CompleteVaultLock: with the right lock ID within 24 hours; idempotent once Locked. */
    public GlacierResult<String> completeVaultLock(long now, String vault, String lockId) {
        Vault v = vaults.get(vault);
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

    /** AbortVaultLock: only while InProgress; a Locked policy cannot be removed. */
    public GlacierResult<String> abortVaultLock(long now, String vault) {
        Vault v = vaults.get(vault);
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

    /** GetVaultLock. */
    public GlacierResult<LockInfo> getVaultLock(long now, String vault) {
        Vault v = vaults.get(vault);
        if (v == null) {
            return noVault(vault);
        }
        Optional<Vault.LockState> lock = liveLock(now, v);
        if (lock.isEmpty()) {
            return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "vault " + vault + " has no lock policy");
        }
        Vault.LockState l = lock.get();
        return GlacierResult.ok(new LockInfo(l.locked() ? "Locked" : "InProgress", l.policy(), l.lockId(),
                l.locked() ? Optional.empty() : Optional.of(l.initiatedNanos() + LOCK_WINDOW)));
    }

    /** Jobs not yet complete, with their completion times (the service arms notification timers). */
    public TreeMap<String, Long> pendingCompletions(long now) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (Job j : jobs.values()) {
            if (!j.done(now)) {
                out.put(j.jobId, j.completeAt);
            }
        }
        return out;
    }

    /** The vault of a job still known to the store, and when it completes (or completed). */
    public Optional<String> vaultOfJob(String jobId) {
        Job j = jobs.get(jobId);
        return j == null ? Optional.empty() : Optional.of(j.vault);
    }

    /** When a job still known to the store completes (or completed). */
    public Optional<Long> completionOf(String jobId) {
        Job j = jobs.get(jobId);
        return j == null ? Optional.empty() : Optional.of(j.completeAt);
    }

    /** Where a job's completion notification goes, if anywhere. */
    public Optional<HostId> notificationTarget(String jobId) {
        Job j = jobs.get(jobId);
        return j == null ? Optional.empty() : j.notify;
    }

    // ---- helpers ----

    private ArchiveReceipt store(long now, Rng rng, Vault v, String description, ArchiveBody body) {
        String id = newId(rng, "archive");
        v.archives.put(id, new StoredArchive(id, description, now, body));
        v.lastWriteNanos = now;
        return new ArchiveReceipt(id, body.treeHash(), "/-/vaults/" + v.name + "/archives/" + id);
    }

    private Optional<Vault.LockState> liveLock(long now, Vault v) {
        if (v.lock.isPresent() && !v.lock.get().locked() && now >= v.lock.get().initiatedNanos() + LOCK_WINDOW) {
            v.lock = Optional.empty();
        }
        return v.lock;
    }

    private Optional<MultipartUpload> liveUpload(long now, String vault, String uploadId) {
        MultipartUpload u = uploads.get(uploadId);
        if (u == null || !u.vault.equals(vault)) {
            return Optional.empty();
        }
        if (now - u.lastActivityNanos > UPLOAD_IDLE_LIMIT) {
            uploads.remove(uploadId);
            return Optional.empty();
        }
        return Optional.of(u);
    }

    private Optional<Job> liveJob(long now, String vault, String jobId) {
        Job j = jobs.get(jobId);
        if (j == null || !j.vault.equals(vault)) {
            return Optional.empty();
        }
        if (expired(now, j)) {
            jobs.remove(jobId);
            return Optional.empty();
        }
        return Optional.of(j);
    }

    private static boolean expired(long now, Job j) {
        return j.done(now) && now >= j.completeAt + OUTPUT_WINDOW;
    }

    private static Optional<String> checkDescription(String description) {
        return PRINTABLE.matcher(description).matches() ? Optional.empty()
                : Optional.of("an archive description is at most 1024 printable ASCII characters");
    }

    private String newId(Rng rng, String kind) {
        return kind + "-" + (nextId++) + "-" + Long.toHexString(rng.nextLong() >>> 16);
    }

    private static <T> GlacierResult<T> noVault(String name) {
        return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no vault " + name);
    }

    private static <T> GlacierResult<T> noJob(String vault, String jobId) {
        return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no job " + jobId + " in " + vault
                + " (job output is kept 24 hours after completion)");
    }
}

package io.faultline.models.glacier.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.models.glacier.api.Tier;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Recorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The {@code glacier/retrieval-tiers} client: creates a vault, subscribes to its notifications,
 * buys provisioned capacity if told to, uploads archives, then initiates retrievals in a random
 * order of tiers with random pauses, and downloads each job's output when notified.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetrievalClient extends GlacierOpClient {
    static final String VAULT = "retrievals";

    private record Think() implements Timer {
    }

    /** One retrieval as the client saw it. */
    public record Retrieval(String jobId, Tier tier, String archiveId, long initiatedNanos, long completedNanos,
            JobStatus status) {
    }

    private final int archives;
    private final int units;
    private final long meanThinkNanos;
    private final EnumMap<Tier, Integer> remaining = new EnumMap<>(Tier.class);
    private final EnumMap<Tier, Integer> refused = new EnumMap<>(Tier.class);
    private final List<String> archiveIds = new ArrayList<>();
    private final TreeMap<String, String> expectedHash = new TreeMap<>();
    private final TreeMap<String, String> jobArchive = new TreeMap<>();
    private final ArrayDeque<String> toDownload = new ArrayDeque<>();
    private final List<Retrieval> completed = new ArrayList<>();
    private final List<String> mismatches = new ArrayList<>();
    private int setupStep;
    private int downloads;
    private boolean thinking;

    public RetrievalClient(Recorder recorder, HostId service, int archives, int perTier, int units, long meanThinkNanos) {
        super(recorder, 0, service);
        this.archives = archives;
        this.units = units;
        this.meanThinkNanos = meanThinkNanos;
        for (Tier t : Tier.values()) {
            remaining.put(t, perTier);
            refused.put(t, 0);
        }
    }

    @Override
    protected void onIdle(Context ctx) {
        if (setupStep == 0) {
            setupStep++;
            perform(ctx, "create-vault", Value.of(VAULT), new GlacierCall.CreateVault(VAULT), r -> { });
        } else if (setupStep == 1) {
            setupStep++;
            perform(ctx, "set-notifications", Value.of(VAULT),
                    new GlacierCall.SetVaultNotifications(VAULT, ctx.self()), r -> { });
        } else if (setupStep < 2 + units) {
            setupStep++;
            perform(ctx, "purchase-capacity", Value.NIL, new GlacierCall.PurchaseProvisionedCapacity(), r -> { });
        } else if (archiveIds.size() < archives) {
            long size = ctx.rng().uniform(1L << 20, 200L << 20);
            ArchiveBody body = ArchiveBody.synthetic(size, "archive-" + archiveIds.size());
            perform(ctx, "upload", Value.of(size), new GlacierCall.UploadArchive(VAULT, "", body, body.treeHash()),
                    r -> {
                        if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof ArchiveReceipt a) {
                            archiveIds.add(a.archiveId());
                            expectedHash.put(a.archiveId(), body.treeHash());
                        }
                    });
        } else if (!toDownload.isEmpty()) {
            String jobId = toDownload.pollFirst();
            perform(ctx, "get-output", Value.of(jobId), new GlacierCall.GetJobOutput(VAULT, jobId), r -> {
                if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof JobOutput.Archive a) {
                    downloads++;
                    if (!a.body().treeHash().equals(expectedHash.get(jobArchive.get(jobId)))) {
                        mismatches.add(jobId);
                    }
                }
            });
        } else if (anyRemaining() && !thinking) {
            thinking = true;
            ctx.setTimer((long) ctx.rng().exponential(meanThinkNanos), new Think());
        }
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!(t instanceof Think)) {
            return;
        }
        thinking = false;
        if (current().isPresent()) {
            return;
        }
        List<Tier> open = new ArrayList<>();
        for (Map.Entry<Tier, Integer> e : remaining.entrySet()) {
            if (e.getValue() > 0) {
                open.add(e.getKey());
            }
        }
        if (open.isEmpty()) {
            return;
        }
        Tier tier = ctx.rng().pick(open);
        remaining.merge(tier, -1, Integer::sum);
        String archive = ctx.rng().pick(archiveIds);
        perform(ctx, "initiate-" + tier.apiName().toLowerCase(java.util.Locale.ROOT), Value.of(archive),
                new GlacierCall.InitiateJob(VAULT, JobRequest.archive(archive, tier)), r -> {
                    if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof JobInfo j) {
                        jobArchive.put(j.jobId(), archive);
                    } else if (r.code().equals(GlacierError.INSUFFICIENT_CAPACITY.code())) {
                        refused.merge(tier, 1, Integer::sum);
                    }
                });
    }

    @Override
    protected void onJobCompleted(Context ctx, JobInfo job) {
        completed.add(new Retrieval(job.jobId(), job.tier(), job.archiveId().orElse(""), job.creationNanos(),
                job.completionNanos().orElse(ctx.now()), job.status()));
        if (job.status() == JobStatus.SUCCEEDED) {
            toDownload.addLast(job.jobId());
        }
        if (current().isEmpty() && !thinking) {
            onIdle(ctx);
        }
    }

    private boolean anyRemaining() {
        for (int n : remaining.values()) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    public List<Retrieval> completed() {
        return List.copyOf(completed);
    }

    public int refused(Tier t) {
        return refused.get(t);
    }

    public int downloads() {
        return downloads;
    }

    public List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    int initiated() {
        return jobArchive.size();
    }
}

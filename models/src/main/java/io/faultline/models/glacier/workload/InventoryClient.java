package io.faultline.models.glacier.workload;

import io.faultline.checker.history.Value;
import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.VaultInfo;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code glacier/inventory-lag} client, a fixed script: upload archive A; wait for the first
 * daily inventory; upload archive B; retrieve the inventory (A only); wait for the next inventory
 * and retrieve it again (A and B); delete both archives; try to delete the vault (refused: the last
 * inventory lists archives and the vault was written since); wait for the next inventory; delete
 * the vault (accepted).
 * Waiting is polling DescribeVault once an hour.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class InventoryClient extends GlacierOpClient {
    static final String VAULT = "logs";

    private record Poll() implements Timer {
    }

    private final List<String> archives = new ArrayList<>();
    private final List<JobOutput.Inventory> outputs = new ArrayList<>();
    private final List<String> deleteVaultAnswers = new ArrayList<>();
    private long uploadedBNanos = -1;
    private long countedAfterB = -1;
    private Optional<Long> seenInventory = Optional.empty();
    private Optional<String> job = Optional.empty();
    private boolean jobDone;
    private boolean polling;
    private int step;

    public InventoryClient(Recorder recorder, HostId service) {
        super(recorder, 0, service);
    }

    @Override
    protected void onIdle(Context ctx) {
        switch (step) {
            case 0 -> perform(ctx, "create-vault", Value.of(VAULT), new GlacierCall.CreateVault(VAULT), r -> step++);
            case 1 -> perform(ctx, "set-notifications", Value.NIL,
                    new GlacierCall.SetVaultNotifications(VAULT, ctx.self()), r -> step++);
            case 2 -> upload(ctx, "A");
            case 3, 7, 12 -> waitForNewInventory(ctx);
            case 4 -> upload(ctx, "B");
            case 5, 8 -> retrieveInventory(ctx);
            case 9, 10 -> {
                String id = archives.get(step - 9);
                perform(ctx, "delete-archive", Value.of(id), new GlacierCall.DeleteArchive(VAULT, id), r -> step++);
            }
            case 6 -> perform(ctx, "describe-vault", Value.NIL, new GlacierCall.DescribeVault(VAULT), r -> {
                if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof VaultInfo v) {
                    countedAfterB = v.numberOfArchives();
                }
                step++;
            });
            case 11, 13 -> perform(ctx, "delete-vault", Value.of(VAULT), new GlacierCall.DeleteVault(VAULT), r -> {
                deleteVaultAnswers.add(r.isOk() ? "ok" : r.code());
                step = r.isOk() ? 14 : 12;
            });
            default -> {
            }
        }
    }

    private void upload(Context ctx, String name) {
        ArchiveBody body = ArchiveBody.synthetic(5L << 20, name);
        perform(ctx, "upload", Value.of(name), new GlacierCall.UploadArchive(VAULT, name, body, body.treeHash()), r -> {
            if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof ArchiveReceipt a) {
                archives.add(a.archiveId());
                if (name.equals("B")) {
                    uploadedBNanos = ctx.now();
                }
                step++;
            }
        });
    }

    /** Polls DescribeVault hourly until its last-inventory date moves. */
    private void waitForNewInventory(Context ctx) {
        if (polling) {
            return;
        }
        polling = true;
        ctx.setTimer(Simulation.HOURS, new Poll());
    }

    private void retrieveInventory(Context ctx) {
        if (job.isEmpty()) {
            perform(ctx, "initiate-inventory", Value.NIL,
                    new GlacierCall.InitiateJob(VAULT, JobRequest.inventory()), r -> {
                        if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof JobInfo j) {
                            job = Optional.of(j.jobId());
                            jobDone = false;
                        }
                    });
        } else if (jobDone) {
            String id = job.get();
            perform(ctx, "get-inventory", Value.of(id), new GlacierCall.GetJobOutput(VAULT, id), r -> {
                if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof JobOutput.Inventory inv) {
                    outputs.add(inv);
                    job = Optional.empty();
                    step++;
                }
            });
        }
    }

    @Override
    protected void onClientTimer(Context ctx, Timer t) {
        if (!(t instanceof Poll)) {
            return;
        }
        if (current().isPresent()) {
            ctx.setTimer(Simulation.HOURS, new Poll());
            return;
        }
        polling = false;
        perform(ctx, "describe-vault", Value.NIL, new GlacierCall.DescribeVault(VAULT), r -> {
            if (r instanceof GlacierResult.Ok<?> ok && ok.value() instanceof VaultInfo v
                    && v.lastInventoryNanos().isPresent() && !v.lastInventoryNanos().equals(seenInventory)) {
                seenInventory = v.lastInventoryNanos();
                step++;
            }
        });
    }

    @Override
    protected void onJobCompleted(Context ctx, JobInfo info) {
        if (job.equals(Optional.of(info.jobId()))) {
            jobDone = true;
            if (current().isEmpty()) {
                onIdle(ctx);
            }
        }
    }

    List<String> archives() {
        return List.copyOf(archives);
    }

    public List<JobOutput.Inventory> outputs() {
        return List.copyOf(outputs);
    }

    public List<String> deleteVaultAnswers() {
        return List.copyOf(deleteVaultAnswers);
    }

    public long uploadedBNanos() {
        return uploadedBNanos;
    }

    public long countedAfterB() {
        return countedAfterB;
    }

    int step() {
        return step;
    }
}

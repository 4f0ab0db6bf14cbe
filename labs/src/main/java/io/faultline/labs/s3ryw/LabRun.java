package io.faultline.labs.s3ryw;

import io.faultline.faults.FaultSpace;
import io.faultline.faults.RoleResolver;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.models.s3.config.ClusterShape;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.workload.ObjectWorkload;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One graded run of lab 1 on a {@link Trial}: legacy S3 (three index replicas, two front-ends),
 * the linearizable table, and three clients, each the student's {@link ConsistentStore} driven by a
 * workload. Faults (partitions, pauses, slow links) hit the servers, never the clients, during
 * the safety phase; the clients keep going through the liveness phase, which must see operations
 * succeed again.
 */
final class LabRun {
    static final int CLIENTS = 3;
    static final long SAFETY = 3 * Simulation.SECONDS;
    static final long TIMEOUT = Simulation.SECONDS;
    private static final List<String> SERVER_PREFIXES = List.of("fe", "idx", "st", "table");

    private final Trial trial;
    private final Recorder recorder;

    private LabRun(Trial trial, Recorder recorder) {
        this.trial = trial;
        this.recorder = recorder;
    }

    static LabRun start(Trial trial, Function<String, ObjectWorkload> workloadOf) {
        Simulation sim = trial.simulation();
        Recorder recorder = new Recorder(sim);
        S3Cluster s3 = S3Cluster.build(sim, recorder, S3Config.defaults().withMode(ConsistencyMode.LEGACY),
                new ClusterShape(3, 2, List.of(LegacyS3.BUCKET)));
        Host table = sim.addHost("table", self -> new TableServer());
        for (int i = 0; i < CLIENTS; i++) {
            String name = "c" + (i + 1);
            int process = i;
            s3.addClient(name, i % 2, fe -> {
                Backends b = new Backends(name, fe, table.id());
                return new LabClient(recorder, process, b, StudentCode.newStore(b), workloadOf.apply(name), TIMEOUT,
                        10 * Simulation.MILLIS);
            });
        }
        LabRun run = new LabRun(trial, recorder);
        trial.safetyPhase(SAFETY)
                .roles(LabRun::servers)
                .faults(FaultSpace.of(SAFETY * 8 / 10, List.of(new Target.Random("servers")))
                        .withKinds(List.of("partition", "pause", "slow-link")).withMaxEvents(4))
                .history("clients", recorder::history)
                .mustGrow("progress: operations succeed again once the faults heal", run::okCount, 5 * Simulation.SECONDS);
        return run;
    }

    /** The hosts of a role: {@code servers} are S3's and the table's, the targets of every fault. */
    private static List<String> servers(String role, Simulation sim) {
        List<String> out = new ArrayList<>();
        if (role.equals("servers")) {
            for (Host h : sim.hosts()) {
                if (SERVER_PREFIXES.stream().anyMatch(h.name()::startsWith)) {
                    out.add(h.name());
                }
            }
        }
        return out;
    }

    /** Judges the run by {@code check}, named after the guarantee it stands for. */
    LabRun guarantee(String guarantee, Function<io.faultline.checker.history.History, CheckResult> check) {
        Supplier<CheckResult> named = () -> {
            CheckResult r = check.apply(recorder.history());
            return new CheckResult(guarantee + ": " + r.name(), r.outcome(), r.detail(), r.anomalies());
        };
        trial.check(named);
        return this;
    }

    private long okCount() {
        return recorder.history().ops().stream().filter(o -> o.type() == io.faultline.checker.history.OpType.OK).count();
    }
}

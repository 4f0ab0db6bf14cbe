package io.faultline.models.s3.scenario;

import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.s3.config.S3Config;
import io.faultline.checker.history.History;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.Table;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Settings;
import io.faultline.models.s3.workload.ObjectWorkload;
import io.faultline.sim.Liveness;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code s3/strong}: overwrites, conditional puts (FIDELITY A7.2), deletes, reads and LISTs on
 * shared keys under S3's strong consistency (FIDELITY A1.3), with random faults ({@link
 * RandomFaults}). Checks: linearizable per key ({@code s3-object}, a conditional put being a
 * compare-and-set), every LIST sees every completed write, reads return written values; and after
 * the faults stop, the replicas converge.
 *
 * <p>12 s by default: long enough for five or so fault episodes, each up to three times the
 * longest timeout, so that one seed meets several fault classes (a seed still takes a fraction of
 * a second to run and check).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StrongScenario {
    static final Setting<ConsistencyMode> MODE = S3Settings.consistency(ConsistencyMode.STRONG);
    static final Setting<Integer> CLIENTS = S3Settings.clients(4);
    static final Setting<Integer> KEYS = Setting.ofInt("keys", 3, 1, 100, "keys the clients share");
    static final Setting<Long> THINK = S3Settings.think(20 * Simulation.MILLIS);
    static final Setting<Boolean> FAULTS = Setting.ofBoolean("faults", true,
            "random faults (partitions, crashes, pauses, clock jumps, lossy and slow links) until 70% of the run");

    static final String NAME = "s3/strong";
    static final String DESCRIPTION =
            "overwrites, conditional puts, deletes, reads and LISTs under strong S3 with random faults: linearizable, LIST complete";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            settings(), 
            12 * Simulation.SECONDS, StrongScenario::run);

    private StrongScenario() {
    }

    private static List<io.faultline.sim.scenario.Setting<?>> settings() {
        List<io.faultline.sim.scenario.Setting<?>> all = new ArrayList<>(List.of(MODE, CLIENTS, KEYS, THINK, FAULTS,
                S3Settings.LAG_MEAN, S3Settings.LAG_CAP, S3Settings.INDEX, S3Settings.BUCKET_CONFIG_DELAY,
                S3Settings.FRONT_ENDS, S3Settings.TIMEOUT));
        all.addAll(S3Settings.SAFEGUARDS);
        return all;
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "s3");
        S3Cluster c = cluster(run);
        OnlineCheck<CheckResult> lists = S3Checks.listSeesCompletedWrites();
        OnlineCheck<CheckResult> reads = S3Checks.readsReturnWrittenValues();
        OnlineCheck<Table> counts = S3Checks.clientCounts();
        List.of(lists, reads, counts).forEach(run.recorder()::listen);
        run.runForDuration();
        return check(run, c, lists, reads, counts);
    }

    /**
     * Builds the scenario's cluster, clients and faults without running it, for benchmarks:
     * {@code cluster(SCENARIO.spec(seed)).sim().run(duration)}.
     */
    public static S3Cluster cluster(RunSpec spec) {
        return cluster(new ScenarioRun(SCENARIO, spec, "s3"));
    }

    private static S3Cluster cluster(ScenarioRun run) {
        RunSpec spec = run.spec();
        Settings s = spec.settings();
        S3Cluster c = S3Cluster.build(run, S3Settings.config(s, MODE).withSafeguards(S3Settings.safeguards(s)),
                S3Settings.shape(s, List.of("data")));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < s.get(KEYS); i++) {
            keys.add("k" + i);
        }
        long stop = spec.durationNanos() * 8 / 10;
        for (int i = 0; i < s.get(CLIENTS); i++) {
            c.addObjectClient("c" + (i + 1), i, i % c.frontEnds().size(), "data",
                    ObjectWorkload.withConditionalPuts(keys, 0.35, 0.2, 0.25, 0.1, 0.1, "c" + (i + 1)), s.get(S3Settings.TIMEOUT),
                    s.get(THINK), stop);
        }
        if (s.get(FAULTS)) {
            RandomFaults.install(c, spec.durationNanos() * 7 / 10, longestTimeout(c.config(), s.get(S3Settings.TIMEOUT)));
        }
        return c;
    }

    /**
     * The longest timeout that decides what a fault does to the model: the front-end's request
     * deadline, a conditional write's key lease (twice the deadline, {@link IndexNode}), or the
     * client's own timeout. Faults last up to three times it ({@link RandomFaults}).
     */
    static long longestTimeout(S3Config config, long clientTimeout) {
        return Math.max(2 * config.deadlineNanos(), clientTimeout);
    }

    /** Linearizability over the recorded history; the other checks judged it as it was recorded. */
    private static RunResult check(ScenarioRun run, S3Cluster c, OnlineCheck<CheckResult> lists,
                                   OnlineCheck<CheckResult> reads, OnlineCheck<Table> counts) {
        History h = run.recorder().history();
        RunResult.Builder b = run.result()
                .check(S3Checks.linearizable(h, run.checkTime(S3Checks.CHECK_TIME)))
                .check(lists.result())
                .check(reads.result());
        if (run.status() == RunStatus.REACHED_TIME) {
            b.check(Liveness.await(c.sim(), "replicas converge after the faults (A1.2 rule 5)", c::converged,
                    10 * Simulation.SECONDS));
        }
        b.table(counts.result());
        return b.build();
    }
}

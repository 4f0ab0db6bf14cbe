package io.faultline.models.s3.scenario;

import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.sim.CheckResult;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Settings;
import io.faultline.models.s3.workload.ObjectWorkload;
import io.faultline.sim.Liveness;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Invocation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The three anomalies of S3's legacy consistency (FIDELITY A1.2), each a scenario that a student
 * can run under {@code s3.consistency=legacy} (the default here) and again under {@code strong}:
 *
 * <ul>
 *   <li>{@code s3/legacy-stale-read}: overwrites then reads: a GET may return the prior data
 *       (A1.2 rule 2), so the history is not linearizable.</li>
 *   <li>{@code s3/legacy-negative-cache}: GET of a missing key (404), PUT, GET: the last GET may
 *       still answer 404 for a while (A1.2 rule 1).</li>
 *   <li>{@code s3/legacy-list-lag}: a LIST right after PUTs may miss the new keys (A1.2 rule 2).</li>
 * </ul>
 * Each also checks what legacy S3 did promise: reads return written values, never partial ones
 * (rule 3), new keys are read-after-write unless a GET saw 404 first (rule 1), and the replicas
 * converge once the clients stop (rule 5).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LegacyScenarios {
    static final Setting<ConsistencyMode> MODE = S3Settings.consistency(ConsistencyMode.LEGACY);
    static final Setting<Integer> CLIENTS = S3Settings.clients(3);
    static final Setting<Integer> KEYS = Setting.ofInt("keys", 2, 1, 100, "keys the clients share");
    static final Setting<Long> THINK = S3Settings.think(10 * Simulation.MILLIS);

    private static final List<Setting<?>> COMMON = List.of(MODE, CLIENTS, THINK, S3Settings.LAG_MEAN,
            S3Settings.LAG_CAP, S3Settings.BUCKET_CONFIG_DELAY, S3Settings.INDEX, S3Settings.FRONT_ENDS, S3Settings.TIMEOUT);

    static final String STALE_READ_NAME = "s3/legacy-stale-read";
    static final String STALE_READ_DESCRIPTION =
            "overwrites then reads under legacy S3: a GET returns the prior data, the history is not linearizable";
    static final Scenario STALE_READ = Scenario.of(STALE_READ_NAME, STALE_READ_DESCRIPTION,
            with(COMMON, KEYS), 4 * Simulation.SECONDS, LegacyScenarios::staleRead);

    static final String NEGATIVE_CACHE_NAME = "s3/legacy-negative-cache";
    static final String NEGATIVE_CACHE_DESCRIPTION =
            "GET of a missing key, then PUT, then GET: legacy S3 keeps answering 404 for a while";
    static final Scenario NEGATIVE_CACHE = Scenario.of(NEGATIVE_CACHE_NAME, NEGATIVE_CACHE_DESCRIPTION,
            COMMON, 3 * Simulation.SECONDS, LegacyScenarios::negativeCache);

    static final String LIST_LAG_NAME = "s3/legacy-list-lag";
    static final String LIST_LAG_DESCRIPTION =
            "PUT new keys then LIST: under legacy S3 the LIST misses keys whose PUT completed";
    static final Scenario LIST_LAG = Scenario.of(LIST_LAG_NAME, LIST_LAG_DESCRIPTION,
            COMMON, 3 * Simulation.SECONDS, LegacyScenarios::listLag);

    private LegacyScenarios() {
    }

    private static List<Setting<?>> with(List<Setting<?>> base, Setting<?> extra) {
        List<Setting<?>> all = new ArrayList<>(base);
        all.add(extra);
        return all;
    }

    private static S3Cluster cluster(ScenarioRun run) {
        Settings s = run.settings();
        return S3Cluster.build(run, S3Settings.config(s, MODE), S3Settings.shape(s, List.of("data")));
    }

    private static RunResult staleRead(RunSpec spec) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < spec.settings().get(KEYS); i++) {
            keys.add("k" + i);
        }
        return withClients(STALE_READ, spec, tag -> ObjectWorkload.mixed(keys, 0.6, 0.4, 0, 0, tag));
    }

    /** The legacy scenarios' one shape: clients c1..cN, each with its own workload, then {@link #finish}. */
    private static RunResult withClients(Scenario scenario, RunSpec spec, Function<String, ObjectWorkload> workloadOf) {
        Settings s = spec.settings();
        ScenarioRun run = new ScenarioRun(scenario, spec, "s3");
        S3Cluster c = cluster(run);
        long stop = spec.durationNanos() * 7 / 10;
        for (int i = 0; i < s.get(CLIENTS); i++) {
            String tag = "c" + (i + 1);
            c.addObjectClient(tag, i, i % c.frontEnds().size(), "data", workloadOf.apply(tag),
                    s.get(S3Settings.TIMEOUT), s.get(THINK), stop);
        }
        return finish(run, c);
    }

    /**
     * Each client, per key of its own, alternately: a probed key (GET, which answers 404, then PUT,
     * then five GETs: legacy S3 may keep answering 404, the caveat of A1.2 rule 1) and a control key
     * (PUT, then five GETs: rule 1 promises read-after-write, so {@link S3Checks#newKeysReadAfterWrite}
     * has keys to hold legacy S3 to).
     */
    private static ObjectWorkload probeNewKeys(String tag) {
        int[] step = {0};
        int[] key = {0};
        return rng -> {
            String k = tag + "/k" + key[0];
            boolean probed = key[0] % 2 == 0;
            int st = step[0]++;
            int put = probed ? 1 : 0;
            if (st == put) {
                return Optional.of(ObjectWorkload.put(k, tag + "-v" + key[0]));
            }
            if (st >= put + 5) {
                step[0] = 0;
                key[0]++;
            }
            return Optional.of(ObjectWorkload.get(k));
        };
    }

    private static RunResult negativeCache(RunSpec spec) {
        return withClients(NEGATIVE_CACHE, spec, LegacyScenarios::probeNewKeys);
    }

    /** Each client: PUT a new key, then LIST its own prefix; repeat. */
    private static ObjectWorkload putThenList(String tag) {
        int[] n = {0};
        return rng -> {
            int i = n[0]++;
            Invocation inv = i % 2 == 0
                    ? ObjectWorkload.put(tag + "/k" + (i / 2), tag + "-v" + (i / 2))
                    : ObjectWorkload.list(tag + "/");
            return Optional.of(inv);
        };
    }

    private static RunResult listLag(RunSpec spec) {
        return withClients(LIST_LAG, spec, LegacyScenarios::putThenList);
    }

    /**
     * Runs the rest of the duration, then checks what legacy S3 promised, and tabulates the
     * anomalies. All but linearizability judge the history as it is recorded.
     */
    static RunResult finish(ScenarioRun run, S3Cluster c) {
        List<OnlineCheck<CheckResult>> online = run.scenario() == LIST_LAG
                // PUTs and LISTs only: the GET checks would hold vacuously.
                ? List.of(S3Checks.listSeesCompletedWrites())
                : List.of(S3Checks.readsReturnWrittenValues(), S3Checks.newKeysReadAfterWrite());
        OnlineCheck<Table> counts = S3Checks.clientCounts();
        online.forEach(run.recorder()::listen);
        run.recorder().listen(counts);
        RunStatus status = run.runForDuration();
        RunResult.Builder b = run.result();
        if (run.scenario() != LIST_LAG) {
            b.check(S3Checks.linearizable(run.recorder().history(), run.checkTime(S3Checks.CHECK_TIME)));
        }
        online.forEach(check -> b.check(check.result()));
        if (status == RunStatus.REACHED_TIME) {
            b.check(Liveness.await(c.sim(), "replicas converge once clients stop (A1.2 rule 5)", c::converged,
                    10 * Simulation.SECONDS));
        }
        b.table(counts.result());
        return b.build();
    }
}

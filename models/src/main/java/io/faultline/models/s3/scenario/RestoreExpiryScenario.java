package io.faultline.models.s3.scenario;

import io.faultline.models.common.CompletionWindow;
import io.faultline.models.s3.config.ClusterShape;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.UtcTime;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.server.ColdPath;
import io.faultline.models.s3.workload.RestoreExpiryClient;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code s3/restore-expiry}: on the S3 model (three index replicas, strong consistency),
 * RestoreObject on a GLACIER object answers 202, a second request while it runs 409
 * RestoreAlreadyInProgress; the temporary copy becomes readable within the tier's window and
 * disappears at the UTC midnight after request time + Days (FIDELITY A10.1, A10.2).
 *
 * <pre>{@code
 * ./faultline run s3/restore-expiry restore-days=3 restore-tier=BULK
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RestoreExpiryScenario {
    static final String BUCKET = "vault";
    static final Setting<Integer> DAYS = Setting.ofInt("restore-days", 2, 1, 30, "Days of the restore");
    static final Setting<RestoreTier> TIER = Setting.ofEnum("restore-tier", RestoreTier.class, RestoreTier.STANDARD,
            "restore tier");

    /** The scenario as the catalog lists it. */
    static final String NAME = "s3/restore-expiry";
    static final String DESCRIPTION =
            "a restored GLACIER copy disappears after its Days; a second restore while one runs gets 409";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(DAYS, TIER), 6 * Simulation.DAYS, RestoreExpiryScenario::run);

    private RestoreExpiryScenario() {
    }

    static RunResult run(RunSpec spec) {
        Settings s = spec.settings();
        ColdPath cold = ColdPath.defaults();
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "s3-cold");
        S3Cluster c = S3Cluster.build(run, S3Config.defaults(), cold, new ClusterShape(3, 1, List.of(BUCKET)));
        Host client = c.addClient("client", 0, frontEnd -> new RestoreExpiryClient(c.recorder(), frontEnd, BUCKET, s.get(DAYS),
                s.get(TIER)));
        Simulation sim = c.sim();
        run.installFaults();
        run.runForDuration();
        List<RestoreExpiryClient.Observation> seen = client.process(RestoreExpiryClient.class).orElseThrow().seen();
        List<List<String>> rows = new ArrayList<>();
        for (RestoreExpiryClient.Observation o : seen) {
            rows.add(List.of(LifecycleToGlacierScenario.at(o.nanos()), o.what(), Integer.toString(o.status()),
                    o.restoreHeader()));
        }
        return run.result()
                .table(new Table("What the client saw", List.of("time (UTC, virtual)", "call", "status", "x-amz-restore"),
                        rows))
                .table(cold.bill(sim.now()))
                .check(answers(seen))
                .check(expiry(seen, s.get(DAYS), s.get(TIER)))
                .build();
    }

    private static Optional<RestoreExpiryClient.Observation> find(List<RestoreExpiryClient.Observation> seen, String what) {
        return seen.stream().filter(o -> o.what().equals(what)).findFirst();
    }

    static CheckResult answers(List<RestoreExpiryClient.Observation> seen) {
        String name = "GET 403 before, restore 202, restore again 409";
        Optional<RestoreExpiryClient.Observation> get = find(seen, "get");
        Optional<RestoreExpiryClient.Observation> first = find(seen, "restore");
        Optional<RestoreExpiryClient.Observation> again = find(seen, "restore again");
        if (get.isEmpty() || first.isEmpty() || again.isEmpty()) {
            return CheckResult.unknown(name, "the script did not get that far");
        }
        return get.get().status() == 403 && first.get().status() == 202 && again.get().status() == 409
                ? CheckResult.valid(name, "answers 403, 202, 409 as documented")
                : CheckResult.invalid(name, "answers " + get.get().status() + ", " + first.get().status() + ", "
                        + again.get().status());
    }

    /** Readable within the tier's window, until (and not after) request time + Days rounded up to 00:00 UTC. */
    static CheckResult expiry(List<RestoreExpiryClient.Observation> seen, int days, RestoreTier tier) {
        String name = "the temporary copy lives from completion until its expiry midnight";
        Optional<RestoreExpiryClient.Observation> request = find(seen, "restore");
        if (request.isEmpty()) {
            return CheckResult.unknown(name, "no restore requested");
        }
        long requested = request.get().nanos();
        long expiry = UtcTime.dueAfterDays(requested, days);
        CompletionWindow w = tier.window(StorageClass.GLACIER).orElseThrow();
        // the request reaches the front-end a few network hops after the client sent it
        long slack = Simulation.SECONDS;
        boolean sawReadable = false;
        boolean sawGone = false;
        for (RestoreExpiryClient.Observation o : seen) {
            if (!o.what().equals("get") || o.nanos() <= requested) {
                continue;
            }
            boolean readable = o.status() == 200;
            boolean shouldBe = o.nanos() >= requested + w.maxNanos() + slack && o.nanos() < expiry;
            boolean mayBe = o.nanos() >= requested + w.minNanos() && o.nanos() < expiry + slack;
            if ((readable && !mayBe) || (!readable && shouldBe)) {
                return CheckResult.invalid(name, "GET at " + LifecycleToGlacierScenario.at(o.nanos()) + " answered "
                        + o.status() + " (restore at " + LifecycleToGlacierScenario.at(requested) + ", expiry "
                        + UtcTime.httpDate(expiry) + ")");
            }
            sawReadable |= readable;
            sawGone |= sawReadable && !readable;
        }
        if (!sawGone) {
            return CheckResult.unknown(name, "the run ended before the copy expired at " + UtcTime.httpDate(expiry));
        }
        return CheckResult.valid(name, "readable after the " + tier.apiName() + " restore, gone at "
                + UtcTime.httpDate(expiry) + " (request " + LifecycleToGlacierScenario.at(requested) + " + " + days
                + " days, rounded up)");
    }
}

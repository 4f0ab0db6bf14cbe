package io.faultline.models.glacier.scenario;

import io.faultline.sim.HostId;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.models.glacier.api.Tier;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.models.glacier.workload.RetrievalClient;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Series;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * {@code glacier/retrieval-tiers}: many archive retrievals per tier; the report shows the
 * distribution of completion times per tier (FIDELITY B2.1: Expedited 1-5 min, Standard 3-5 h,
 * Bulk 5-12 h) and how many Expedited requests the capacity refused. Hours of waiting cost
 * milliseconds of wall time.
 *
 * <pre>{@code
 * ./faultline run glacier/retrieval-tiers retrievals=200 provisioned-units=1
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RetrievalTiersScenario {
    static final Setting<Integer> RETRIEVALS = Setting.ofInt("retrievals", 60, 1, 2000, "retrievals per tier");
    static final Setting<Integer> ARCHIVES = Setting.ofInt("archives", 10, 1, 1000, "archives uploaded first");
    static final Setting<Integer> ON_DEMAND = Setting.ofInt("expedited-capacity", 4, 0, 1000,
            "Expedited retrievals the on-demand pool admits per rolling 5 minutes");
    static final Setting<Integer> UNITS = Setting.ofInt("provisioned-units", 0, 0, 2,
            "provisioned capacity units bought first (3 Expedited retrievals per 5 minutes each)");
    static final Setting<Long> THINK = Setting.ofDuration("think", 20 * Simulation.SECONDS, Simulation.MILLIS,
            Simulation.HOURS, "mean pause between two retrieval requests");

    /** The scenario as the catalog lists it. */
    static final String NAME = "glacier/retrieval-tiers";
    static final String DESCRIPTION =
            "many archive retrievals per tier: completion times per tier and Expedited requests refused for capacity";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(RETRIEVALS, ARCHIVES, ON_DEMAND, UNITS, THINK), 16 * Simulation.HOURS,
            RetrievalTiersScenario::run);

    private RetrievalTiersScenario() {
    }

    static RunResult run(RunSpec spec) {
        Settings s = spec.settings();
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "glacier");
        HostId service = GlacierCluster.addService(run, new VaultStore(s.get(ON_DEMAND)));
        Host client = run.sim().addHost("client", self -> new RetrievalClient(run.recorder(), service, s.get(ARCHIVES),
                s.get(RETRIEVALS), s.get(UNITS), s.get(THINK)));
        run.installFaults();
        run.runForDuration();
        RetrievalClient c = client.process(RetrievalClient.class).orElseThrow();
        RunResult.Builder b = run.result();
        List<Tier> tiers = List.of(Tier.values());
        List<List<String>> rows = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Tier t : tiers) {
            List<Long> times = new ArrayList<>();
            for (RetrievalClient.Retrieval r : c.completed()) {
                if (r.tier() == t && r.status() == JobStatus.SUCCEEDED) {
                    long elapsed = r.completedNanos() - r.initiatedNanos();
                    times.add(elapsed);
                    if (elapsed < t.window().minNanos() || elapsed > t.window().maxNanos()) {
                        outside.add(r.jobId() + " (" + t.apiName() + ", " + minutes(elapsed) + " min)");
                    }
                }
            }
            times.sort(Long::compare);
            b.series(new Series(t.apiName() + " completion time", "percentile of " + t.apiName() + " jobs",
                    "minutes", percentiles(times)));
            rows.add(List.of(t.apiName(), Integer.toString(s.get(RETRIEVALS)), Integer.toString(c.refused(t)),
                    Integer.toString(times.size()), stat(times, 0), stat(times, 50), stat(times, 100),
                    minutes(t.window().minNanos()) + " - " + minutes(t.window().maxNanos())));
        }
        b.table(new Table("Completion times per tier (minutes)", List.of("tier", "requested",
                "refused (InsufficientCapacity)", "completed", "min", "median", "max", "documented window"), rows));
        b.check(outside.isEmpty()
                ? CheckResult.valid("completion within the tier's window",
                        c.completed().size() + " jobs completed, all within their documented window (FIDELITY B2.1)")
                : CheckResult.invalid("completion within the tier's window", "outside: " + outside));
        b.check(c.mismatches().isEmpty()
                ? CheckResult.valid("downloads match the uploaded tree hash", c.downloads() + " outputs downloaded")
                : CheckResult.invalid("downloads match the uploaded tree hash", "mismatched jobs " + c.mismatches()));
        return b.build();
    }

    private static List<Series.Point> percentiles(List<Long> sorted) {
        List<Series.Point> points = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            double pct = sorted.size() == 1 ? 100 : 100.0 * i / (sorted.size() - 1);
            points.add(new Series.Point(pct, sorted.get(i) / (double) Simulation.MINUTES));
        }
        return points;
    }

    private static String stat(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = (int) Math.round((sorted.size() - 1) * percentile / 100.0);
        return minutes(sorted.get(i));
    }

    private static String minutes(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / (double) Simulation.MINUTES);
    }
}

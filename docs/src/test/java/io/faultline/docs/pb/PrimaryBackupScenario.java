package io.faultline.docs.pb;

import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import java.util.ArrayList;
import java.util.List;

/** {@code pb/register}: a primary-backup register whose primary crashes; reads and writes must stay linearizable. */
final class PrimaryBackupScenario {
    // tag::scenario[]
    static final Setting<Boolean> SYNC = Setting.ofBoolean("pb.sync", true,
            "acknowledge a write only once the backup has it (false: copy it 200 ms later)");
    static final Setting<Integer> CLIENTS = Setting.ofInt("clients", 2, 1, 16, "recording clients");

    static final String NAME = "pb/register";
    static final String DESCRIPTION =
            "a primary-backup register whose primary crashes once; the history must stay linearizable";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(SYNC, CLIENTS), 5 * Simulation.SECONDS, PrimaryBackupScenario::run);

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec);
        Settings s = run.settings();
        Simulation sim = run.sim();
        List<HostId> servers = new ArrayList<>();     // filled before any process starts
        Host primary = sim.addHost("primary", self -> new PbServer(true, servers.get(1), s.get(SYNC)));
        Host backup = sim.addHost("backup", self -> new PbServer(false, servers.get(0), s.get(SYNC)));
        servers.addAll(List.of(primary.id(), backup.id()));
        run.addHosts("c", s.get(CLIENTS), i -> self -> new PbClient(run.recorder(), i, servers));
        // The fault: a fault plan given with the run (--faults), else one crash of the primary at a
        // seeded time between 1 and 2 seconds. It never comes back.
        spec.faults().ifPresentOrElse(sim::install, () -> sim.at(
                sim.rng().uniform(Simulation.SECONDS, 2 * Simulation.SECONDS), "crash the primary", primary::crash));
        run.runForDuration();
        return run.result().check(linearizable(run.recorder().history())).build();
    }

    /** The checker's register model, from the initial value 0 both servers start with. */
    static CheckResult linearizable(History h) {
        CheckReport r = Linearizability.check(h, Models.byName("register", Value.of(0)));
        if (r.verdict() instanceof Verdict.Invalid inv) {
            return CheckResult.invalid("linearizable", "cannot linearize " + inv.counterexample().operation().describe());
        }
        return new CheckResult("linearizable", r.outcome(), r.operations() + " operations");
    }
    // end::scenario[]

    private PrimaryBackupScenario() {
    }
}

package io.faultline.docs;

import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import io.faultline.faults.FaultSpace;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;

/** Builds the example register (three replicas, two clients) on a trial, with its faults and checks. */
final class Register {
    /** The fault kinds the register is tested under (it does not deduplicate messages, so no duplication). */
    static final List<String> KINDS = List.of("partition", "crash", "pause", "clock-skew", "clock-jump", "slow-link", "reorder");

    private final Recorder recorder;
    private long acknowledgedWrites;

    private Register(Recorder recorder) {
        this.recorder = recorder;
    }

    /** The broken register: acks before replicating, reads from any replica. */
    static Register async(Trial trial) {
        return start(trial, true);
    }

    /** The correct register: durable writes at the primary, reads at the primary. */
    static Register durable(Trial trial) {
        return start(trial, false);
    }

    // tag::build[]
    private static Register start(Trial trial, boolean async) {
        Simulation sim = trial.simulation();
        List<HostId> replicas = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            boolean primary = i == 1;
            List<HostId> backups = replicas;   // filled below, read when a process starts
            Host h = sim.addHost("r" + i, self -> async
                    ? new AsyncReplica(primary, backupsOf(backups, self))
                    : new DurableReplica(primary, backupsOf(backups, self)));
            replicas.add(h.id());
        }
        Register register = new Register(new Recorder(sim));
        List<HostId> readers = async ? replicas : List.of(replicas.get(0));
        for (int c = 0; c < 2; c++) {
            int id = c;
            sim.addHost("c" + (c + 1), self -> new RegisterClient(register.recorder, id, replicas.get(0), readers,
                    () -> register.acknowledgedWrites++));
        }
        trial.safetyPhase(3 * Simulation.SECONDS)
                .faults(FaultSpace.of(2 * Simulation.SECONDS,
                                List.of(new Target.Role("primary"), new Target.Random("servers")))
                        .withKinds(KINDS).withChannels(List.of("replicate")))
                .history("register", register.recorder::history)
                .check(register::linearizable)
                .mustGrow("acknowledged writes", register::acknowledgedWrites, 2 * Simulation.SECONDS);
        return register;
    }
    // end::build[]

    private static List<HostId> backupsOf(List<HostId> replicas, HostId self) {
        List<HostId> others = new ArrayList<>(replicas);
        others.remove(self);
        others.remove(replicas.get(0));
        return others;
    }

    CheckResult linearizable() {
        History h = recorder.history();
        CheckReport r = Linearizability.check(h, Models.byName("register", Value.of(0)));
        if (r.verdict() instanceof Verdict.Invalid inv) {
            return CheckResult.invalid("linearizable", "cannot linearize " + inv.counterexample().operation().describe());
        }
        return new CheckResult("linearizable", r.outcome(), r.operations() + " operations");
    }

    long acknowledgedWrites() {
        return acknowledgedWrites;
    }
}

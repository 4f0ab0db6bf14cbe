package io.faultline.junit;

import io.faultline.faults.FaultSpace;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;

/** A two-host system whose only check breaks when host b crashes: a bug that exactly one fault triggers. */
final class CrashSensitiveSystem {
    static final class Idle implements Process {
        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
        }
    }

    private CrashSensitiveSystem() {
    }

    static void build(Trial trial, List<String> kinds) {
        build(trial, kinds, true);
    }

    /** The system and its faults; its check only if {@code withCheck} (else the test adds it). */
    static void build(Trial trial, List<String> kinds, boolean withCheck) {
        Simulation sim = trial.simulation();
        sim.addHost("a", self -> new Idle());
        sim.addHost("b", self -> new Idle());
        trial.safetyPhase(2 * Simulation.SECONDS)
                .faults(FaultSpace.of(Simulation.SECONDS, List.of(new Target.Host("a"), new Target.Host("b")))
                        .withKinds(kinds).withMaxEvents(6));
        if (!withCheck) {
            return;
        }
        trial.check("b never restarted", () -> sim.host("b").orElseThrow().incarnation() == 1
                        ? Optional.empty() : Optional.of("b is in incarnation " + sim.host("b").orElseThrow().incarnation()));
    }
}

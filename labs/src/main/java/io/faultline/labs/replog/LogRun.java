package io.faultline.labs.replog;

import io.faultline.faults.FaultSpace;
import io.faultline.faults.Target;
import io.faultline.faults.Trial;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import java.util.ArrayList;
import java.util.List;

/**
 * One graded run of lab 2 on a {@link Trial}: three brokers and a controller built from the
 * student's {@link ReplicatedLogLab}; three producers, a tailing consumer and a final reader of the
 * harness's. Faults (crashes, pauses, partitions) hit the brokers, the leader (as the clients see
 * it) more often than not, during the safety phase; the controller stands
 * for a quorum whose own durability is not the lab's subject, so faults never crash it, though
 * partitions may cut it off. In the liveness phase writes must be acknowledged again, and the
 * final reader, which starts at the heal from offset 0, must read past every acknowledged offset
 * (the producers stop two seconds after the heal).
 */
final class LogRun {
    static final int BROKERS = 3;
    static final long SAFETY = 6 * Simulation.SECONDS;
    private static final int PRODUCERS = 3;

    private final Trial trial;
    private final Recorder recorder;

    private LogRun(Trial trial, Recorder recorder) {
        this.trial = trial;
        this.recorder = recorder;
    }

    static LogRun start(Trial trial, List<String> faultKinds) {
        ReplicatedLogLab lab = StudentLab.load();
        Simulation sim = trial.simulation();
        Recorder recorder = new Recorder(sim);
        Tally tally = new Tally(PRODUCERS);
        int first = sim.hosts().size();
        List<HostId> brokers = new ArrayList<>();
        for (int i = 0; i < BROKERS; i++) {
            brokers.add(new HostId(first + i, "b" + i));
        }
        Cluster cluster = new Cluster(brokers, new HostId(first + BROKERS, "controller"));
        for (int i = 0; i < BROKERS; i++) {
            int id = i;
            DurableLog log = new DurableLog();   // outside the factory: it survives the broker's crashes
            sim.addHost("b" + i, self -> lab.broker(id, cluster, log));
        }
        sim.addHost("controller", self -> lab.controller(cluster));
        long stopAt = SAFETY + 2 * Simulation.SECONDS;
        for (int p = 0; p < PRODUCERS; p++) {
            int process = p;
            sim.addHost("producer" + p, self -> new LogProducer(recorder, cluster, tally, process, 1_000_000L * (process + 1), stopAt));
        }
        sim.addHost("consumer", self -> new LogConsumer(recorder, cluster, tally, PRODUCERS, 0, false));
        sim.addHost("final-reader", self -> new LogConsumer(recorder, cluster, tally, PRODUCERS + 1, SAFETY, true));
        trial.safetyPhase(SAFETY)
                .roles((role, s) -> role.equals("leader") ? tally.leader()
                        : role.equals("brokers") || role.equals("servers") ? brokers.stream().map(HostId::name).toList() : List.of())
                .faults(FaultSpace.of(SAFETY * 8 / 10, List.of(new Target.Role("leader"), new Target.Random("brokers")))
                        .withKinds(faultKinds).withMaxEvents(12))
                .history("clients", recorder::history)
                .mustGrow("progress: writes are acknowledged again once the faults heal", tally::ackedCount,
                        5 * Simulation.SECONDS)
                .progress("progress: a final reader from offset 0 reads past every acknowledged offset", tally::finalReaderCaughtUp,
                        5 * Simulation.SECONDS);
        return new LogRun(trial, recorder);
    }

    /** Judges the run by the anomalies that break {@code guarantee}. */
    LogRun guarantee(Guarantee guarantee) {
        trial.check(() -> guarantee.check(recorder.history()));
        return this;
    }
}

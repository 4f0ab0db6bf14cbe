package io.faultline.models.demo.scenario;

import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.models.demo.server.BroadcastNode;
import io.faultline.models.demo.workload.BroadcastClient;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Liveness;
import io.faultline.sim.Rng;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Series;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
import io.faultline.sim.scenario.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * {@code demo/broadcast}: clients add values through random nodes, which gossip them with retries.
 * The nodes are split in two from 30% to 60% of the run; clients stop at 80%. Check: every value
 * acknowledged to a client reaches every node once the network has healed (a liveness bound).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BroadcastScenario {
    static final Setting<Integer> NODES = Setting.ofInt("nodes", 5, 1, 100, "gossiping nodes");
    static final Setting<Integer> CLIENTS = Setting.ofInt("clients", 2, 1, 20, "clients adding values");
    static final Setting<Double> RATE = Setting.ofDouble("rate", 10, 0.1, 1000, "operations per second per client");
    static final Setting<Double> LOSS = Setting.ofDouble("loss", 0.05, 0, 0.9, "probability a message is lost");
    static final Setting<Boolean> PARTITION = Setting.ofBoolean("partition", true,
            "split the nodes in two from 30% to 60% of the run");
    static final Setting<Long> RETRY = Setting.ofDuration("retry", 200 * Simulation.MILLIS, Simulation.MILLIS,
            Simulation.MINUTES, "how often a node resends unacknowledged values");
    static final Setting<Long> SETTLE = Setting.ofDuration("settle", 10 * Simulation.SECONDS, Simulation.SECONDS,
            Simulation.HOURS, "how long after the run every node may take to catch up");

    /** The scenario as the catalog lists it. */
    static final String NAME = "demo/broadcast";
    static final String DESCRIPTION =
            "gossip with retries across a partition that heals; every acked value must reach every node";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(NODES, CLIENTS, RATE, LOSS, PARTITION, RETRY, SETTLE), 30 * Simulation.SECONDS,
            BroadcastScenario::run);

    private BroadcastScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "broadcast");
        Settings s = run.settings();
        long duration = run.duration();
        Simulation sim = run.sim();
        sim.network().defaultLink(LinkSpec.of(Latency.logNormal(3 * Simulation.MILLIS, 0.6).withTail(0.01, 10))
                .withLoss(s.get(LOSS)));
        List<HostId> nodeIds = new ArrayList<>();
        List<Host> nodes = new ArrayList<>();
        int n = s.get(NODES);
        for (int i = 0; i < n; i++) {
            int me = i;
            Host h = sim.addHost("n" + (i + 1), self -> new BroadcastNode(peers(nodeIds, me), s.get(RETRY)));
            nodeIds.add(h.id());
            nodes.add(h);
        }
        Recorder recorder = run.recorder();
        run.addHosts("c", s.get(CLIENTS), i -> self -> new BroadcastClient(recorder, i, nodeIds, Simulation.SECONDS,
                Simulation.SECONDS / s.get(RATE), duration * 8 / 10));
        if (s.get(PARTITION) && n >= 2) {
            schedulePartition(sim, nodeIds, duration);   // a given schedule replaces it (ScenarioRun)
        }
        List<Series.Point> acked = new ArrayList<>();
        sampleEverySecond(sim, duration, () -> acked.add(new Series.Point(sim.now() / 1e9, ackedValues(recorder.history()).size())));

        RunStatus status = run.runForDuration();
        History history = recorder.history();
        Set<Long> ackedValues = ackedValues(history);
        CheckResult converged;
        if (status == RunStatus.REACHED_TIME) {
            if (spec.faults().isPresent()) {
                sim.healAll();                      // liveness phase: every fault source off
            }
            converged = Liveness.await(sim, "every acked value reaches every node",
                    () -> missing(nodes, ackedValues) == 0, s.get(SETTLE));
            if (converged.outcome() != io.faultline.checker.Outcome.VALID) {
                converged = new CheckResult(converged.name(), converged.outcome(),
                        converged.detail() + "; " + missing(nodes, ackedValues) + " (node, value) pairs missing");
            }
        } else {
            converged = CheckResult.unknown("every acked value reaches every node", "run stopped: " + status);
        }
        return run.result()
                .check(converged)
                .series(new Series("acknowledged values", "virtual time (s)", "values", acked))
                .table(valuesPerNode(nodes, ackedValues))
                .build();
    }

    private static List<HostId> peers(List<HostId> all, int me) {
        List<HostId> peers = new ArrayList<>(all);
        peers.remove(me);
        return peers;
    }

    private static void schedulePartition(Simulation sim, List<HostId> nodes, long duration) {
        Rng rng = sim.rng().fork("nemesis");
        List<HostId> shuffled = new ArrayList<>(nodes);
        rng.shuffle(shuffled);
        int cut = 1 + rng.nextInt(shuffled.size() - 1);
        List<List<HostId>> groups = List.of(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
        sim.at(duration * 3 / 10, "partition nodes", () -> sim.network().partition(groups));
        sim.at(duration * 6 / 10, "heal", () -> sim.network().healAll());
    }

    private static void sampleEverySecond(Simulation sim, long duration, Runnable sample) {
        for (long t = 0; t <= duration; t += Simulation.SECONDS) {
            sim.at(t, "sample", sample);
        }
    }

    static Set<Long> ackedValues(History h) {
        Set<Long> out = new TreeSet<>();
        for (Op op : h) {
            if (op.type() == OpType.OK && op.value() instanceof Value.Int v) {
                out.add(v.value());
            }
        }
        return out;
    }

    private static int missing(List<Host> nodes, Set<Long> acked) {
        int missing = 0;
        for (Host h : nodes) {
            Set<Long> held = h.process(BroadcastNode.class).map(BroadcastNode::values).orElse(Set.of());
            for (Long v : acked) {
                if (!held.contains(v)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private static Table valuesPerNode(List<Host> nodes, Set<Long> acked) {
        List<List<String>> rows = new ArrayList<>();
        for (Host h : nodes) {
            Set<Long> held = h.process(BroadcastNode.class).map(BroadcastNode::values).orElse(Set.of());
            int missing = 0;
            for (Long v : acked) {
                if (!held.contains(v)) {
                    missing++;
                }
            }
            rows.add(List.of(h.name(), String.valueOf(held.size()), String.valueOf(missing)));
        }
        return new Table("values per node", List.of("node", "values held", "acked values missing"), rows);
    }
}

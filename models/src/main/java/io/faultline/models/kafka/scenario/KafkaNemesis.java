package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.sim.FaultPlan;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Random faults on a Kafka cluster, one at a time, drawn per seed from the simulation's
 * {@code nemesis} stream: isolating a broker (often the current leader), splitting the brokers,
 * cutting the data port between two brokers, crashing a broker (power loss: unflushed writes are
 * lost) and restarting it, pausing one, and skewing or jumping its clock. Each fault lasts 2-6 s and
 * is followed by at least 3 s of calm, so that a restarted broker can catch up before the next
 * crash: Kafka's promise holds "as long as at least one in-sync replica is alive" (FIDELITY C1),
 * and two power losses in a row inside one writeback window are outside it.
 */
public final class KafkaNemesis implements FaultPlan {
    private final KafkaCluster cluster;
    private final long from;
    private final long until;
    private final List<Host> skewed = new ArrayList<>();

    KafkaNemesis(KafkaCluster cluster, long from, long until) {
        this.cluster = cluster;
        this.from = from;
        this.until = until;
    }

    @Override
    public void install(Simulation sim) {
        Rng rng = sim.rng().fork("nemesis");
        long s = Simulation.SECONDS;
        long t = from;
        while (true) {
            t += rng.uniform(s, 3 * s);
            long duration = rng.uniform(2 * s, 6 * s);
            if (t + duration > until) {
                return;
            }
            int kind = rng.nextInt(6);
            long seed = rng.nextLong();
            long start = t;
            sim.at(start, "nemesis fault", () -> apply(sim, kind, new Rng(seed), start + duration));
            t += duration + 3 * s;
        }
    }

    /** Starts fault {@code kind} now and schedules its end at {@code end}. */
    private void apply(Simulation sim, int kind, Rng rng, long end) {
        int n = cluster.brokerHosts().size();
        int target = rng.chance(0.5) ? Math.max(0, cluster.leaderOf(rng.nextInt(cluster.partitions()))) : rng.nextInt(n);
        Host host = cluster.brokerHost(target);
        if (kind == 0) {
            sim.network().isolate(host.id());
            sim.at(end, "heal", () -> sim.network().healAll());
        } else if (kind == 1) {
            List<HostId> side = new ArrayList<>();
            List<HostId> other = new ArrayList<>(List.of(cluster.controllerHost().id()));
            for (int b = 0; b < n; b++) {
                (b == target || rng.chance(0.3) ? side : other).add(cluster.hostOf(b));
            }
            sim.network().partition(List.of(side, other));
            sim.at(end, "heal", () -> sim.network().healAll());
        } else if (kind == 2) {
            int peer = (target + 1 + rng.nextInt(n - 1)) % n;
            sim.network().cutChannel(host.id(), cluster.hostOf(peer), KafkaMessage.DATA);
            sim.at(end, "heal", () -> sim.network().healAll());
        } else if (kind == 3) {
            host.crash();
            sim.at(end, "restart " + host.name(), host::restart);
        } else if (kind == 4) {
            host.pause();
            sim.at(end, "resume " + host.name(), host::resume);
        } else {
            skewed.add(host);
            if (rng.chance(0.5)) {
                host.clock().skew(rng.uniform(-20 * Simulation.SECONDS, 20 * Simulation.SECONDS));
            } else {
                host.clock().jump(rng.uniform(-5 * Simulation.SECONDS, 5 * Simulation.SECONDS));
            }
            sim.at(end, "clock back", () -> host.clock().skew(0));
        }
    }

    @Override
    public void stop(Simulation sim) {
        for (Host h : skewed) {
            h.clock().skew(0);
        }
        skewed.clear();
    }
}

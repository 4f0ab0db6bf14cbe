package io.faultline.models.s3.scenario;

import io.faultline.models.s3.server.IndexNode;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Random faults for the strong scenario, one at a time, drawn from the simulation's
 * {@code nemesis} stream: partitions of the servers (index, storage and front-end hosts) into two
 * sides, isolating one index replica, storage host or client, crashing and restarting one index
 * replica, storage host or front-end. Each fault lasts 0.3 to
 * 1.5 s, then everything heals; nothing happens after {@code until}. At most one index replica is
 * down at a time (the model keeps index state in memory and rebuilds it from its peers, see
 * {@link IndexNode}).
 *
 * <p>Not a {@code FaultPlan} (hence not called a nemesis): it schedules its faults directly on the
 * simulation when the strong scenario builds its run.
 */
final class RandomFaults {
    private RandomFaults() {
    }

    static void install(S3Cluster c, long until) {
        Simulation sim = c.sim();
        Rng rng = sim.rng().fork("nemesis");
        List<Host> servers = new ArrayList<>(c.index());
        servers.addAll(c.storage());
        servers.addAll(c.frontEnds());
        long t = 300 * Simulation.MILLIS + rng.uniform(0, 500 * Simulation.MILLIS);
        while (t < until) {
            long length = rng.uniform(300 * Simulation.MILLIS, 1500 * Simulation.MILLIS);
            long end = Math.min(t + length, until);
            int kind = rng.nextInt(7);
            if (kind == 0) {
                List<HostId> all = new ArrayList<>();
                servers.forEach(h -> all.add(h.id()));
                rng.shuffle(all);
                int cut = 1 + rng.nextInt(all.size() - 1);
                List<List<HostId>> sides = List.of(new ArrayList<>(all.subList(0, cut)),
                        new ArrayList<>(all.subList(cut, all.size())));
                sim.at(t, "partition " + sides, () -> sim.network().partition(sides));
            } else if (kind == 1) {
                Host h = rng.pick(c.index());
                sim.at(t, "isolate " + h.name(), () -> sim.network().isolate(h.id()));
            } else if (kind == 5) {
                Host h = rng.pick(c.storage());
                sim.at(t, "isolate " + h.name(), () -> sim.network().isolate(h.id()));
            } else if (kind == 6) {
                Host h = rng.pick(c.storage());
                sim.at(t, "crash " + h.name(), h::crash);
            } else if (kind == 2) {
                Host h = rng.pick(c.clients());
                sim.at(t, "isolate " + h.name(), () -> sim.network().isolate(h.id()));
            } else {
                Host h = kind == 3 ? rng.pick(c.index()) : rng.pick(c.frontEnds());
                sim.at(t, "crash " + h.name(), h::crash);
            }
            sim.at(end, "heal", sim::healAll);
            t = end + rng.uniform(200 * Simulation.MILLIS, Simulation.SECONDS);
        }
    }
}

package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Context;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * FIDELITY A7.2 under crashes: an index replica that restarts in the middle of two racing
 * {@code If-None-Match: *} PUTs has forgotten the lease it granted; it must not grant the key to
 * the other writer too. Still exactly one winner (or none, with 409/503), never two.
 */
class S3LeaseRestartTest {
    private static final int SEEDS = 80;

    private static int status(S3Result<?> r) {
        return r instanceof S3Result.Ok<?> ? 200 : r.failureOrThrow().status();
    }

    @Test
    void aReplicaRestartedMidRaceNeverLetsBothWin_A7_2() {
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 2, List.of("bk")));
            S3Request put1 = new S3Request.PutObject("bk", "k", Body.of("one"), WriteConditions.ifAbsent());
            S3Request put2 = new S3Request.PutObject("bk", "k", Body.of("two"), WriteConditions.ifAbsent());
            // The second writer starts a little later, while the first one holds its leases.
            long lag = (seed % 8) * Simulation.MILLIS;
            Host h1 = c.sim().addHost("w1", self -> new ScriptRunner(c.frontEnds().get(0).id(), List.of(p -> put1)));
            Host idx = c.index().get((int) (seed % 3));
            long crashAt = Simulation.MILLIS * 3 + (seed % 5) * Simulation.MILLIS / 2;
            c.sim().at(crashAt, "crash " + idx.name(), idx::crash);
            c.sim().at(crashAt + Simulation.MILLIS / 10, "restart " + idx.name(), idx::restart);
            Host[] h2 = new Host[1];
            c.sim().at(lag + Simulation.MILLIS, "second writer", () -> h2[0] = c.sim().addHost("w2",
                    self -> new ScriptRunner(c.frontEnds().get(1).id(), List.of(p -> put2))));
            c.sim().run(10 * Simulation.SECONDS);
            int a = status(h1.process(ScriptRunner.class).orElseThrow().results().get(0));
            int b = status(h2[0].process(ScriptRunner.class).orElseThrow().results().get(0));
            String key = Math.min(a, b) + "/" + Math.max(a, b);
            outcomes.merge(key, 1, Integer::sum);
            assertTrue(!(a == 200 && b == 200), "seed " + seed + ": both conditional PUTs succeeded across a restart of "
                    + idx.name() + " at " + crashAt);
        }
        System.out.println("A7.2 race with a replica restart, outcomes over seeds 1.." + SEEDS + ": " + outcomes);
    }

    /** Asks one replica for leases on one key and records what it answered, by call number. */
    private static final class Prober implements Process {
        final TreeMap<Long, String> answers = new TreeMap<>();
        private final HostId replica;
        private Context ctx;

        Prober(HostId replica) {
            this.replica = replica;
        }

        @Override
        public void onStart(Context c) {
            ctx = c;
        }

        void ask(long call, long owner) {
            ctx.send(replica, new S3Wire.LockKey(call, "bk", "k", owner));
        }

        @Override
        public void onMessage(Context c, HostId from, Message m) {
            if (m instanceof S3Wire.KeyReply r) {
                answers.put(r.call(), "granted");
            } else if (m instanceof S3Wire.Locked r) {
                answers.put(r.call(), "locked");
            }
        }
    }

    /**
     * The replica itself: a lease granted to A before a crash still keeps B out after the restart
     * (the replica grants nothing for one lease length, 2 s), and B gets the key once it expired.
     */
    @Test
    void aRestartedReplicaGrantsNoLeaseUntilItsOldLeasesExpired_A7_2() {
        S3Cluster c = S3Cluster.build(1, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        Host idx = c.index().get(0);
        Host probe = c.sim().addHost("probe", self -> new Prober(idx.id()));
        java.util.function.Supplier<Prober> p = () -> probe.process(Prober.class).orElseThrow();
        c.sim().at(Simulation.MILLIS, "A asks", () -> p.get().ask(1, 100));
        c.sim().at(10 * Simulation.MILLIS, "crash", idx::crash);
        c.sim().at(11 * Simulation.MILLIS, "restart", idx::restart);
        c.sim().at(200 * Simulation.MILLIS, "B asks", () -> p.get().ask(2, 200));
        c.sim().at(2500 * Simulation.MILLIS, "B asks again", () -> p.get().ask(3, 200));
        c.sim().run(3 * Simulation.SECONDS);
        assertEquals("granted", p.get().answers.get(1L), "A's lease before the crash");
        assertEquals("locked", p.get().answers.get(2L), "B right after the restart: A's lease may still be live");
        assertEquals("granted", p.get().answers.get(3L), "B once every earlier lease expired");
    }

    /**
     * A lease's length is measured by a timer: a replica whose clock jumped an hour forward still
     * keeps B out while A's lease lasts (by its clock, A's lease would have expired long ago).
     */
    @Test
    void aForwardClockJumpDoesNotEndALease_A7_2() {
        S3Cluster c = S3Cluster.build(1, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        Host idx = c.index().get(0);
        Host probe = c.sim().addHost("probe", self -> new Prober(idx.id()));
        java.util.function.Supplier<Prober> p = () -> probe.process(Prober.class).orElseThrow();
        c.sim().at(Simulation.MILLIS, "A asks", () -> p.get().ask(1, 100));
        c.sim().at(10 * Simulation.MILLIS, "clock jump", () -> idx.clock().jump(3600 * Simulation.SECONDS));
        c.sim().at(200 * Simulation.MILLIS, "B asks", () -> p.get().ask(2, 200));
        c.sim().at(2500 * Simulation.MILLIS, "B asks again", () -> p.get().ask(3, 200));
        c.sim().run(3 * Simulation.SECONDS);
        assertEquals("granted", p.get().answers.get(1L), "A's lease");
        assertEquals("locked", p.get().answers.get(2L), "B while A's lease lasts, whatever the replica's clock says");
        assertEquals("granted", p.get().answers.get(3L), "B once A's lease ran its length");
    }
}

package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.sim.FaultPlan;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Random faults on a Kafka cluster, drawn per seed from the simulation's {@code nemesis} stream as a
 * sequence of episodes, each of one {@link FaultClass}. Durations derive from the configuration's own
 * timeouts (the session timeout of its controller era and {@code replica.lag.time.max.ms}, FIDELITY
 * C1, C2, C4), so they follow the version and any {@code --set}: a fault lasts from a fraction of the
 * relevant timeout to about three times it, so that sessions expire, the ISR shrinks by lag, and
 * isolated or paused leaders are replaced and come back as zombies. Targets are resolved when the
 * fault fires ({@link KafkaTargets}): the leader the controller names, an ISR member, the replica
 * furthest behind, the controller, or any broker.
 *
 * <p>Episodes follow each other with a little calm in between, so that faults of different episodes
 * do not pile up beyond what a configuration promises to survive; combinations inside one episode
 * (an isolated leader and then a crashed follower; a lagging replica and then the loss of the rest of
 * the ISR; a correlated power loss) are what find the unsafe configurations.
 *
 * <p>A lost disk ({@link FaultClass#LEADER_ALONE_LOSES_DISK}: the ISR shrinks to the leader, then
 * its machine is replaced and comes back empty) is drawn only when the scenario asks for it: it
 * loses acknowledged writes at {@code min.insync.replicas=2} too, in every modelled version, since
 * the last ISR member is elected again with its empty log (KIP-966's "last replica standing",
 * FIDELITY C3.1), so it is a fault model of its own rather than part of every safe run.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaNemesis implements FaultPlan {
    private final KafkaCluster cluster;
    private final long from;
    private final long until;
    private final List<Host> skewed = new ArrayList<>();
    private final Map<FaultClass, Integer> fired = new EnumMap<>(FaultClass.class);
    private final List<FaultClass> kinds;
    private boolean stopped;

    /** The classes drawn by default: every class but the lost disk. */
    static final List<FaultClass> DEFAULT = java.util.Arrays.stream(FaultClass.values())
            .filter(k -> k != FaultClass.LEADER_ALONE_LOSES_DISK).toList();
    /** Every class, the lost disk included. */
    static final List<FaultClass> WITH_DISK_LOSS = List.of(FaultClass.values());

    KafkaNemesis(KafkaCluster cluster, long from, long until) {
        this(cluster, from, until, DEFAULT);
    }

    KafkaNemesis(KafkaCluster cluster, long from, long until, List<FaultClass> kinds) {
        this.cluster = cluster;
        this.from = from;
        this.until = until;
        this.kinds = List.copyOf(kinds);
    }

    /** One planned episode: its class, when it starts, how long it lasts, and its own random stream. */
    record Episode(FaultClass kind, long start, long duration, long seed) {
    }

    /** The relevant timeouts of a configuration, in nanoseconds. */
    record Timeouts(long session, long lag) {
        static Timeouts of(KafkaConfig c) {
            return new Timeouts(c.sessionTimeoutMs() * Simulation.MILLIS, c.replicaLagTimeMaxMs() * Simulation.MILLIS);
        }

        long longest() {
            return Math.max(session, lag);
        }
    }

    /**
     * The episodes of one run, drawn from {@code rng}: pure, so that a test can count the fault
     * classes over many seeds without running them.
     */
    static List<Episode> plan(Rng rng, Timeouts t, long from, long until) {
        return plan(rng, t, from, until, DEFAULT);
    }

    /** As above, drawing from {@code kinds} only. */
    static List<Episode> plan(Rng rng, Timeouts t, long from, long until, List<FaultClass> kinds) {
        List<Episode> out = new ArrayList<>();
        long s = Simulation.SECONDS;
        long time = from;
        while (true) {
            time += rng.uniform(s, 3 * s);
            FaultClass kind = kinds.get(rng.nextInt(kinds.size()));
            long relevant = kind.relevantTimeout(t);
            // From a fraction of the timeout (nothing expires) to about 3x it (it surely does).
            long duration = rng.uniform(Math.min(s, relevant / 3), 3 * relevant);
            long seed = rng.nextLong();
            if (time + duration > until) {
                // Too long for what is left: try a shorter one of the same class once, else stop.
                duration = Math.min(duration, until - time);
                if (duration < Math.min(s, relevant / 3)) {
                    return out;
                }
            }
            out.add(new Episode(kind, time, duration, seed));
            time += duration + rng.uniform(2 * s, 4 * s);
        }
    }

    @Override
    public void install(Simulation sim) {
        Timeouts t = Timeouts.of(cluster.config());
        for (Episode e : plan(sim.rng().fork("nemesis"), t, from, until, kinds)) {
            sim.at(e.start(), "nemesis " + e.kind().label(), () -> fire(sim, e, t));
        }
    }

    /** How many episodes of each class fired in this run (for reports and coverage tests). */
    Map<FaultClass, Integer> fired() {
        return java.util.Collections.unmodifiableMap(fired);
    }

    /** The fault classes that fired, as a report table. */
    io.faultline.sim.scenario.Table table() {
        List<List<String>> rows = new ArrayList<>();
        Timeouts t = Timeouts.of(cluster.config());
        for (FaultClass k : kinds) {
            rows.add(List.of(k.label(), String.valueOf(fired.getOrDefault(k, 0)),
                    String.format("%.1f", 3 * k.relevantTimeout(t) / 1e9)));
        }
        return new io.faultline.sim.scenario.Table("generated faults (durations up to 3x the relevant timeout)",
                List.of("fault class", "episodes fired", "longest duration (s)"), rows);
    }

    private void later(Simulation sim, long at, String what, Runnable action) {
        sim.at(at, what, () -> {
            if (!stopped) {
                action.run();
            }
        });
    }

    private void fire(Simulation sim, Episode e, Timeouts t) {
        if (stopped) {
            return;
        }
        Rng rng = new Rng(e.seed());
        KafkaTargets targets = new KafkaTargets(cluster, rng);
        int p = rng.nextInt(cluster.partitions());
        long end = e.start() + e.duration();
        fired.merge(e.kind(), 1, Integer::sum);
        switch (e.kind()) {
            case ISOLATE -> {
                HostId h = rng.chance(0.15) ? cluster.activeControllerHost().id() : cluster.hostOf(targets.any(p));
                sim.network().isolate(h);
                later(sim, end, "heal", () -> sim.network().healAll());
            }
            case SPLIT -> {
                int target = targets.any(p);
                List<HostId> side = new ArrayList<>();
                // The controller (every KRaft voter: the quorum stays whole) is on the other side.
                List<HostId> other = new ArrayList<>(List.of(cluster.activeControllerHost().id()));
                for (Host v : cluster.voterHosts()) {
                    if (!other.contains(v.id())) {
                        other.add(v.id());
                    }
                }
                for (int b = 0; b < cluster.brokerHosts().size(); b++) {
                    (b == target || rng.chance(0.3) ? side : other).add(cluster.hostOf(b));
                }
                for (Host client : cluster.clientHosts()) {
                    (rng.chance(0.5) ? side : other).add(client.id());
                }
                sim.network().partition(List.of(side, other));
                later(sim, end, "heal", () -> sim.network().healAll());
            }
            case REPLICATION_CUT -> {
                // The data port only: the session with the controller survives (C9's first step).
                cutReplication(sim, targets.any(p));
                later(sim, end, "heal", () -> sim.network().healAll());
            }
            case CRASH -> {
                Host h = cluster.brokerHost(targets.any(p));
                h.crash();
                later(sim, end, "restart " + h.name(), h::restart);
            }
            case PAUSE -> {
                // Often past the session timeout: a GC-pause zombie that wakes up believing it leads.
                Host h = cluster.brokerHost(rng.chance(0.7) ? targets.leader(p) : targets.any(p));
                h.pause();
                later(sim, end, "resume " + h.name(), h::resume);
            }
            case POWER_LOSS -> {
                // Every replica of the partition loses power at once: unsynced writes are gone.
                for (int r : cluster.replicas(p)) {
                    Host h = cluster.brokerHost(r);
                    h.crash();
                    later(sim, e.start() + rng.uniform(e.duration() / 3, e.duration()), "restart " + h.name(), h::restart);
                }
            }
            case CLOCK -> {
                Host h = cluster.brokerHost(targets.any(p));
                skewed.add(h);
                if (rng.chance(0.5)) {
                    h.clock().skew(rng.uniform(-3 * t.longest(), 3 * t.longest()));
                } else {
                    h.clock().jump(rng.uniform(-t.longest(), t.longest()));
                }
                later(sim, end, "clock back", () -> h.clock().skew(0));
            }
            case LEADER_CUT_THEN_CRASH_FOLLOWER -> {
                // The leader loses its followers on the data port; midway a follower crashes.
                int leader = targets.leader(p);
                cutReplication(sim, leader);
                later(sim, e.start() + e.duration() / 2, "crash a follower", () -> {
                    Host f = cluster.brokerHost(targets.follower(p, leader));
                    f.crash();
                    later(sim, end, "restart " + f.name(), f::restart);
                });
                later(sim, end, "heal", () -> sim.network().healAll());
            }
            case LAGGARD_THEN_LOSE_ISR -> {
                // One replica falls behind on the data port (out of the ISR by lag or session, C1);
                // then the rest of the replicas crash together, leaving the laggard as the only live one.
                int laggard = targets.furthestBehind(p);
                cutReplication(sim, laggard);
                long crashAt = e.start() + rng.uniform(e.duration() / 2, e.duration());
                later(sim, crashAt, "crash the in-sync replicas", () -> {
                    for (int r : cluster.replicas(p)) {
                        if (r != laggard) {
                            Host h = cluster.brokerHost(r);
                            h.crash();
                            later(sim, Math.min(until, crashAt + rng.uniform(t.session(), 3 * t.session())),
                                    "restart " + h.name(), h::restart);
                        }
                    }
                });
                later(sim, Math.min(until, crashAt + t.session() + rng.uniform(0, t.session())), "heal", () -> sim.network().healAll());
            }
            case LEADER_ALONE_LOSES_DISK -> leaderAloneLosesDisk(sim, e, rng, t, p);
            case CONTROLLER -> controller(sim, e, rng);
            case LEADER_AND_SUCCESSOR_CRASH -> {
                // The leader and the replica the controller will elect next crash close together:
                // the survivor becomes a follower of a dead successor and truncates (by its HW before
                // 0.11, C5.1/C5.2) before it is elected itself.
                int leader = targets.leader(p);
                int successor = targets.follower(p, leader);
                Host first = cluster.brokerHost(leader);
                first.crash();
                later(sim, end, "restart " + first.name(), first::restart);
                long next = e.start() + rng.uniform(0, t.session());
                later(sim, next, "crash the likely successor", () -> {
                    Host h = cluster.brokerHost(successor);
                    h.crash();
                    later(sim, Math.max(end, next + 1), "restart " + h.name(), h::restart);
                });
            }
        }
    }

    /**
     * The leader loses its followers on the data port, so its ISR shrinks to itself (C1 lag rule);
     * then its machine dies and is replaced: it restarts with an empty disk (C3.1). The cut heals at
     * the end of the episode.
     */
    private void leaderAloneLosesDisk(Simulation sim, Episode e, Rng rng, Timeouts t, int p) {
        int leader = new KafkaTargets(cluster, rng).leader(p);
        long end = e.start() + e.duration();
        cutReplication(sim, leader);
        long replaceAt = e.start() + rng.uniform(e.duration() / 2, e.duration());
        later(sim, replaceAt, "replace the leader's machine", () -> {
            // Whoever leads by now (the leader the controller names; the ISR's sole member if it shrank).
            Host h = cluster.brokerHost(new KafkaTargets(cluster, rng).leader(p));
            h.crash();
            h.disk().wipe();
            later(sim, Math.min(until, replaceAt + rng.uniform(Simulation.SECONDS, t.session() + Simulation.SECONDS)),
                    "restart " + h.name() + " (empty disk)", h::restart);
        });
        later(sim, Math.max(end, replaceAt + 1), "heal", () -> sim.network().healAll());
    }

    /**
     * The controller role fails: in the ZooKeeper era (FIDELITY C4.1) the broker holding
     * {@code /controller} crashes, pauses (a zombie controller) or is isolated, and the seat fails
     * over once its session expires; in KRaft (C4.2) the active controller, the quorum's leader, does,
     * and the other voters elect a new one. Without a holder (a ZooKeeper seat being raced for) the
     * controller service is cut off from everyone for the episode.
     */
    private void controller(Simulation sim, Episode e, Rng rng) {
        long end = e.start() + e.duration();
        int holder = cluster.controller().seat().holder();
        if (holder < 0 && cluster.voterHosts().isEmpty()) {
            sim.network().isolate(cluster.controllerHost().id());
            later(sim, end, "heal", () -> sim.network().healAll());
            return;
        }
        Host h = holder < 0 ? cluster.activeControllerHost() : cluster.brokerHost(holder);
        double x = rng.nextDouble();
        if (x < 0.4) {
            h.crash();
            later(sim, end, "restart " + h.name(), h::restart);
        } else if (x < 0.7) {
            h.pause();
            later(sim, end, "resume " + h.name(), h::resume);
        } else {
            sim.network().isolate(h.id());
            later(sim, end, "heal", () -> sim.network().healAll());
        }
    }

    private void cutReplication(Simulation sim, int broker) {
        for (int b = 0; b < cluster.brokerHosts().size(); b++) {
            if (b != broker) {
                sim.network().cutChannel(cluster.hostOf(broker), cluster.hostOf(b), KafkaMessage.DATA);
            }
        }
    }

    @Override
    public void stop(Simulation sim) {
        stopped = true;
        for (Host h : skewed) {
            h.clock().skew(0);
        }
        skewed.clear();
    }
}

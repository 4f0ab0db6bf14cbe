package io.faultline.models.s3.scenario;

import io.faultline.models.s3.server.IndexNode;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Random faults for the strong scenario, drawn from the simulation's {@code nemesis} stream, one
 * episode at a time until {@code until}, then everything heals (the liveness phase follows). The
 * class of each episode ({@link S3FaultKind}) is drawn when the schedule is made, uniformly, so
 * every class occurs regularly; its target is resolved when it fires, among the hosts of that
 * role that are up then (so a crash never hits a host already down).
 *
 * <p>Durations come from the model's own timeouts, not constants: {@code longest} is the longest
 * timeout that matters (the front-end's request deadline, the conditional-write lease of twice
 * that, the client's timeout), and an episode lasts from a tenth of it to three times it, so that
 * requests outlive their deadline, leases expire and clients give up while the fault holds.
 *
 * <p>The model's one assumption about its hosts is kept: fewer than a majority of a group's index
 * replicas lose their state at once ({@link IndexNode}), so an index crash whose target would be
 * the second replica down or still recovering is skipped (and counted as skipped).
 *
 * <p>Not a {@code FaultPlan} (hence not called a nemesis): it schedules its faults directly on the
 * simulation when the strong scenario builds its run.
 */
final class RandomFaults {
    private final S3Cluster c;
    private final Simulation sim;
    private final Rng targets;
    private final long longest;
    private final TreeMap<S3FaultKind, Integer> fired = new TreeMap<>();
    private int skipped;

    private RandomFaults(S3Cluster c, long longest) {
        this.c = c;
        this.longest = longest;
        this.sim = c.sim();
        this.targets = sim.rng().fork("nemesis-targets");
    }

    /** Installs the faults; the returned nemesis counts what fired. */
    static RandomFaults install(S3Cluster c, long until, long longest) {
        RandomFaults n = new RandomFaults(c, longest);
        Rng rng = c.sim().rng().fork("nemesis");
        S3FaultKind[] kinds = S3FaultKind.values();
        long t = 200 * Simulation.MILLIS + rng.uniform(0, longest / 4);
        while (t < until) {
            long length = logUniform(rng, longest / 10, 3 * longest);
            long end = Math.min(t + length, until);
            S3FaultKind kind = kinds[rng.nextInt(kinds.length)];
            long start = t;
            n.sim.at(start, "fault " + kind, () -> n.fire(kind, start, end));
            n.sim.at(end, "heal", n.sim::healAll);
            t = end + rng.uniform(50 * Simulation.MILLIS, longest / 4);
        }
        return n;
    }

    /**
     * A length between {@code min} and {@code max} whose logarithm is uniform: as many episodes
     * shorter than the deadline as longer than the lease, so a run holds several classes of fault
     * and still some that outlast every timeout.
     */
    private static long logUniform(Rng rng, long min, long max) {
        return Math.round(min * Math.pow((double) max / min, rng.nextDouble()));
    }

    /** How many episodes of each class fired (an episode whose target was missing is not counted). */
    TreeMap<S3FaultKind, Integer> fired() {
        return new TreeMap<>(fired);
    }

    int skipped() {
        return skipped;
    }

    private void fire(S3FaultKind kind, long start, long end) {
        boolean done = switch (kind) {
            case PARTITION -> partition();
            case SPLIT_INDEX -> splitIndex();
            case ISOLATE_INDEX -> isolate(c.index());
            case ISOLATE_STORAGE -> isolate(c.storage());
            case ISOLATE_FRONT_END -> isolate(c.frontEnds());
            case CRASH_INDEX -> crashIndex(start, end);
            case CRASH_STORAGE -> crashAndRestart(up(c.storage()), start, end);
            case CRASH_FRONT_END -> crashAndRestart(up(c.frontEnds()), start, end);
            case PAUSE_FRONT_END -> pause(c.frontEnds());
            case PAUSE_INDEX -> pause(c.index());
            case CLOCK_JUMP_FRONT_END -> clockJump(c.frontEnds());
            case CLOCK_JUMP_INDEX -> clockJump(c.index());
            case ISOLATE_THEN_CRASH_INDEX -> isolateThenCrash(start, end);
            case STALE_THEN_RESTART_INDEX -> staleThenRestart(start, end);
            case LOSSY_LINKS -> lossy(end);
            case SLOW_INDEX_LINKS -> slow(end);
        };
        if (done) {
            fired.merge(kind, 1, Integer::sum);
        } else {
            skipped++;
        }
    }

    private List<Host> up(List<Host> hosts) {
        return hosts.stream().filter(h -> h.isUp() && !h.isPaused()).toList();
    }

    private boolean partition() {
        List<HostId> all = new ArrayList<>();
        c.index().forEach(h -> all.add(h.id()));
        c.storage().forEach(h -> all.add(h.id()));
        c.frontEnds().forEach(h -> all.add(h.id()));
        targets.shuffle(all);
        int cut = 1 + targets.nextInt(all.size() - 1);
        List<List<HostId>> sides = List.of(new ArrayList<>(all.subList(0, cut)),
                new ArrayList<>(all.subList(cut, all.size())));
        sim.recordFault("partition " + sides);
        sim.network().partition(sides);
        return true;
    }

    /** A front-end and a minority of the index replicas (with some storage hosts) against the rest. */
    private boolean splitIndex() {
        List<HostId> small = new ArrayList<>();
        List<HostId> rest = new ArrayList<>();
        Host fe = targets.pick(c.frontEnds());
        small.add(fe.id());
        c.frontEnds().stream().filter(h -> h != fe).forEach(h -> rest.add(h.id()));
        List<Host> idx = new ArrayList<>(c.index());
        targets.shuffle(idx);
        int minority = Math.max(1, (idx.size() - 1) / 2);
        for (int i = 0; i < idx.size(); i++) {
            (i < minority ? small : rest).add(idx.get(i).id());
        }
        for (Host s : c.storage()) {
            (targets.chance(0.5) ? small : rest).add(s.id());
        }
        List<List<HostId>> sides = List.of(small, rest);
        sim.recordFault("split index " + sides);
        sim.network().partition(sides);
        return true;
    }

    private boolean isolate(List<Host> role) {
        List<Host> up = up(role);
        if (up.isEmpty()) {
            return false;
        }
        Host h = targets.pick(up);
        sim.recordFault("isolate " + h.name());
        sim.network().isolate(h.id());
        return true;
    }

    private boolean pause(List<Host> role) {
        List<Host> up = up(role);
        if (up.isEmpty()) {
            return false;
        }
        Host h = targets.pick(up);
        h.pause();
        return true;
    }

    /** Crashes one host now and restarts it at a random time before the episode ends. */
    private boolean crashAndRestart(List<Host> candidates, long start, long end) {
        if (candidates.isEmpty()) {
            return false;
        }
        Host h = targets.pick(candidates);
        h.crash();
        long back = start + targets.uniform(0, Math.max(1, end - start));
        sim.at(back, "restart " + h.name(), () -> {
            if (!h.isUp()) {
                h.restart();
            }
        });
        return true;
    }

    /** An index replica that may lose its state now: none other of its group is down or recovering. */
    private List<Host> crashableIndex() {
        for (Host h : c.index()) {
            if (!h.isUp() || h.process(IndexNode.class).map(IndexNode::isRecovering).orElse(false)) {
                return List.of();
            }
        }
        return up(c.index());
    }

    private boolean crashIndex(long start, long end) {
        return crashAndRestart(crashableIndex(), start, end);
    }

    private boolean isolateThenCrash(long start, long end) {
        List<Host> up = up(c.index());
        if (up.size() < 2) {
            return false;
        }
        Host away = targets.pick(up);
        sim.recordFault("isolate " + away.name());
        sim.network().isolate(away.id());
        long at = start + targets.uniform(0, Math.max(1, (end - start) / 2));
        sim.at(at, "then crash another index replica", () -> {
            List<Host> others = crashableIndex().stream().filter(h -> h != away).toList();
            if (!others.isEmpty()) {
                crashAndRestart(others, at, end);
            }
        });
        return true;
    }

    /** One front-end's links to and from the index replicas drop 30 to 90% of messages until {@code end}. */
    private boolean lossy(long end) {
        Host fe = targets.pick(c.frontEnds());
        double p = targets.uniform(0.3, 0.9);
        sim.recordFault("lossy links of " + fe.name() + " to the index, loss " + p);
        List<HostId> index = c.index().stream().map(Host::id).toList();
        changeLinks(fe, index, true, l -> l.withLoss(p), end);
        return true;
    }

    /**
     * One front-end's links to every index replica but one slow down (its messages to them, not
     * their answers) until {@code end}: its writes reach the near replica a long while before the
     * others (a write that, for that while, is on exactly one replica), and a read it makes hears
     * the near one first. The delay, from a fortieth to an eighth of the longest timeout, keeps a
     * write's two round trips within the deadline, so that writes still complete.
     */
    private boolean slow(long end) {
        Host fe = targets.pick(c.frontEnds());
        List<Host> index = new ArrayList<>(c.index());
        Host near = targets.pick(index);
        index.remove(near);
        long delay = targets.uniform(longest / 40, longest / 8);
        sim.recordFault("slow links from " + fe.name() + " to the index but " + near.name() + ", "
                + io.faultline.sim.SimTime.format(delay));
        changeLinks(fe, index.stream().map(Host::id).toList(), false, l -> l.withLatency(Latency.logNormal(delay, 0.3)), end);
        return true;
    }

    /**
     * Changes the links from {@code fe} to {@code others} (and back, if {@code bothWays}), and
     * restores them at {@code end}.
     */
    private void changeLinks(Host fe, List<HostId> others, boolean bothWays, UnaryOperator<LinkSpec> change, long end) {
        List<HostId[]> links = new ArrayList<>();
        for (HostId o : others) {
            links.add(new HostId[] {fe.id(), o});
            if (bothWays) {
                links.add(new HostId[] {o, fe.id()});
            }
        }
        List<LinkSpec> before = new ArrayList<>();
        for (HostId[] l : links) {
            before.add(sim.network().link(l[0], l[1]));
            sim.network().link(l[0], l[1], change.apply(sim.network().link(l[0], l[1])));
        }
        sim.at(end, "links of " + fe.name() + " as before", () -> {
            for (int i = 0; i < links.size(); i++) {
                sim.network().link(links.get(i)[0], links.get(i)[1], before.get(i));
            }
        });
    }

    /**
     * One index replica is cut from the front-ends and its peers for the first part of the episode
     * (it misses writes), then reconnected, and at once another replica crashes and restarts
     * within a hundredth of the longest timeout (before reads repair the one behind): for a while the group holds one empty replica, one
     * behind and one current, so a read that meets the empty one and the one behind finds only
     * old data unless the restarted replica copies its peers first (recovery sync). One replica
     * loses its state, so the model's assumption holds.
     */
    private boolean staleThenRestart(long start, long end) {
        List<Host> up = up(c.index());
        if (up.size() < 3 || up.size() < c.index().size()) {
            return false;
        }
        Host behind = targets.pick(up);
        List<HostId> reach = new ArrayList<>();
        c.frontEnds().forEach(h -> reach.add(h.id()));
        c.index().stream().filter(h -> h != behind).forEach(h -> reach.add(h.id()));
        sim.recordFault("cut " + behind.name() + " from the front-ends and index");
        reach.forEach(o -> sim.network().cut(behind.id(), o));
        long at = start + targets.uniform((end - start) / 4, Math.max((end - start) / 4 + 1, (end - start) * 3 / 4));
        sim.at(at, "reconnect " + behind.name() + ", then restart another index replica", () -> {
            reach.forEach(o -> sim.network().heal(behind.id(), o));
            List<Host> others = crashableIndex().stream().filter(h -> h != behind).toList();
            if (!others.isEmpty()) {
                crashAndRestart(others, at, Math.min(end, at + longest / 100));
            }
        });
        return true;
    }

    /** Steps the clock of one of {@code hosts} by up to three times the longest timeout, either way. */
    private boolean clockJump(List<Host> hosts) {
        Host h = targets.pick(hosts);
        long delta = targets.uniform(longest / 10, 3 * longest) * (targets.chance(0.5) ? 1 : -1);
        h.clock().jump(delta);
        return true;
    }

    /** The counts as one line, e.g. {@code PARTITION=3 CRASH_INDEX=1 ... skipped=0}. */
    String summary() {
        StringBuilder b = new StringBuilder();
        for (S3FaultKind k : S3FaultKind.values()) {
            b.append(k).append('=').append(fired.getOrDefault(k, 0)).append(' ');
        }
        return b.append("skipped=").append(skipped).toString();
    }

    Optional<Integer> count(S3FaultKind k) {
        return Optional.ofNullable(fired.get(k));
    }
}

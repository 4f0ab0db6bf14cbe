package io.faultline.faults;

import io.faultline.sim.FaultCall;
import io.faultline.sim.FaultPlan;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Applies a {@link FaultSchedule} to a simulation: each event becomes an action at its time, its
 * targets resolved only then (so {@code role:leader} hits whoever leads at that moment), random
 * choices drawn from the {@code faults} fork of the simulation's random stream. Faults with a
 * duration end by themselves. {@link #healAll()} turns every fault source off for the liveness phase.
 *
 * <pre>{@code
 * Nemesis nemesis = new Nemesis(schedule, roles);
 * sim.install(nemesis);
 * sim.run(safetyPhaseEnd);
 * nemesis.healAll();                       // liveness phase: no more faults
 * Liveness.await(sim, "progress", progressed, 10 * Simulation.SECONDS);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Nemesis implements FaultPlan {
    private final FaultSchedule schedule;
    private final RoleResolver roles;
    private Simulation sim;
    private Targets targets;
    private LinkEffects links;
    private final List<List<Host[]>> partitions = new ArrayList<>();
    private final TreeSet<Integer> clocksTouched = new TreeSet<>();
    private final TreeSet<Integer> disksFull = new TreeSet<>();
    private final boolean[] done;
    private boolean off;
    private boolean drawn;
    private int applied;
    private int skipped;

    /** A nemesis whose role targets are resolved by the processes themselves ({@link HasRoles}). */
    public Nemesis(FaultSchedule schedule) {
        this(schedule, RoleResolver.PROCESSES);
    }

    public Nemesis(FaultSchedule schedule, RoleResolver roles) {
        this.schedule = schedule;
        this.roles = roles;
        this.done = new boolean[schedule.size()];
    }

    public FaultSchedule schedule() {
        return schedule;
    }

    /** How many events were applied, and how many skipped because their target held no host. */
    public int applied() {
        return applied;
    }

    public int skipped() {
        return skipped;
    }

    @Override
    public void install(Simulation simulation) {
        if (sim != null) {
            throw new IllegalStateException("a Nemesis is installed on one simulation only");
        }
        this.sim = simulation;
        this.targets = new Targets(simulation, roles, simulation.rng().fork("faults"));
        this.links = new LinkEffects(simulation);
        List<FaultEvent> events = schedule.events();
        for (int i = 0; i < events.size(); i++) {
            int k = i;
            FaultEvent e = events.get(i);
            sim.faultAt(e.at(), "fault " + e.describe(), () -> {
                if (!off && !done[k]) {
                    done[k] = true;
                    fire(e);
                }
            });
        }
    }

    /**
     * Claims the scenario's own call when the schedule holds that very {@link FaultEvent.Primitive}
     * at this time (a saved run replayed): the call takes effect where it first happened, after the
     * events the schedule puts before it at the same time.
     */
    @Override
    public boolean claim(long now, FaultCall call) {
        List<FaultEvent> events = schedule.events();
        int first = firstAt(events, now);
        String text = call.text();
        int match = -1;
        for (int j = first; j < events.size() && events.get(j).at() == now; j++) {
            if (!done[j] && events.get(j) instanceof FaultEvent.Primitive p && p.call().equals(text)) {
                match = j;
                break;
            }
        }
        if (match < 0) {
            return false;
        }
        for (int j = first; j < match; j++) {
            if (!done[j]) {
                done[j] = true;
                fire(events.get(j));
            }
        }
        done[match] = true;
        applied++;
        return true;
    }

    /** The index of the first event at {@code time} or later (events are in time order). */
    private static int firstAt(List<FaultEvent> events, long time) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).at() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Ends every fault and ignores the rest of the schedule: heals partitions, restores links,
     * resets the clocks it changed, makes full disks writable, resumes paused hosts and restarts
     * crashed ones (through {@link Simulation#healAll()}, which calls {@link #stop}).
     */
    public void healAll() {
        off = true;
        if (sim != null) {
            sim.healAll();
        }
    }

    /**
     * Stops injecting and undoes what it did: links, clocks, full disks and, once it fired a drawn
     * (not {@link FaultEvent.Primitive}) event, partitions, pauses and crashes. A replayed run's
     * calls are undone by the calls the run itself made, which it holds too.
     */
    @Override
    public void stop(Simulation simulation) {
        off = true;
        if (sim == null) {
            return;
        }
        links.endAll();
        partitions.clear();
        for (int h : clocksTouched) {
            Host host = sim.hosts().get(h);
            host.clock().driftPpm(0);
            host.clock().skew(0);
        }
        clocksTouched.clear();
        for (int h : disksFull) {
            sim.hosts().get(h).disk().full(false);
        }
        disksFull.clear();
        if (drawn) {
            // A drawn fault's end: as the heal of a liveness phase, every host back and reachable.
            sim.restoreEveryHost();
        }
    }

    /** Applies the events at exactly {@code now} that neither fired nor were claimed, in order. */
    @Override
    public void applyAt(long now) {
        List<FaultEvent> events = schedule.events();
        for (int j = firstAt(events, now); j < events.size() && events.get(j).at() == now; j++) {
            if (!done[j]) {
                done[j] = true;
                fire(events.get(j));
            }
        }
    }

    private void fire(FaultEvent e) {
        if (!(e instanceof FaultEvent.Primitive)) {
            drawn = true;
        }
        if (e instanceof FaultEvent.Partition p) {
            partition(p);
        } else if (e instanceof FaultEvent.Heal) {
            sim.network().healAll();
            partitions.clear();
            links.endAll();
            applied++;
        } else if (e instanceof FaultEvent.Crash c) {
            onHost(e, c.target(), h -> {
                h.crash();
                later(c.duration(), "restart " + h.name(), () -> {
                    if (!h.isUp()) {
                        h.restart();
                    }
                });
            });
        } else if (e instanceof FaultEvent.Restart r) {
            onHost(e, r.target(), h -> {
                if (!h.isUp()) {
                    h.restart();
                }
            });
        } else if (e instanceof FaultEvent.Pause p) {
            onHost(e, p.target(), h -> {
                h.pause();
                later(p.duration(), "resume " + h.name(), h::resume);
            });
        } else if (e instanceof FaultEvent.Resume r) {
            onHost(e, r.target(), Host::resume);
        } else if (e instanceof FaultEvent.ClockSkew c) {
            onHost(e, c.target(), h -> clock(h).skew(c.offset()));
        } else if (e instanceof FaultEvent.ClockDrift c) {
            onHost(e, c.target(), h -> clock(h).driftPpm(c.ppm()));
        } else if (e instanceof FaultEvent.ClockJump c) {
            onHost(e, c.target(), h -> clock(h).jump(c.by()));
        } else if (e instanceof FaultEvent.DiskFault d) {
            onHost(e, d.target(), h -> disk(h, d));
        } else if (e instanceof FaultEvent.SlowLink s) {
            onHost(e, s.target(), h -> {
                long id = links.slow(h, s.latency());
                later(s.duration(), "end slow link " + h.name(), () -> links.end(id));
            });
        } else if (e instanceof FaultEvent.Duplicate d) {
            long id = links.duplicate(d.probability());
            later(d.duration(), "end duplication burst", () -> links.end(id));
            applied++;
        } else if (e instanceof FaultEvent.Reorder r) {
            long id = links.reorder(r.probability());
            later(r.duration(), "end reordering burst", () -> links.end(id));
            applied++;
        } else if (e instanceof FaultEvent.Primitive p) {
            try {
                FaultCall.parse(p.call()).apply(sim);
                applied++;
            } catch (IllegalArgumentException | IllegalStateException why) {
                skip(e, why.getMessage());
            }
        } else {
            throw new IllegalStateException(e.toString());
        }
    }

    private void partition(FaultEvent.Partition p) {
        List<Host[]> cuts = targets.cuts(p.shape());
        if (cuts.isEmpty()) {
            skip(p, "nothing to cut now");
            return;
        }
        for (Host[] pair : cuts) {
            if (p.channel().isPresent()) {
                sim.network().cutChannel(pair[0].id(), pair[1].id(), p.channel().get());
            } else {
                sim.network().cut(pair[0].id(), pair[1].id());
            }
        }
        partitions.add(cuts);
        applied++;
        later(p.duration(), "end partition " + p.shape().text(), () -> {
            // Heal only this partition's pairs, and only if no heal came in between.
            if (partitions.remove(cuts)) {
                for (Host[] pair : cuts) {
                    sim.network().heal(pair[0].id(), pair[1].id());
                }
            }
        });
    }

    private void disk(Host h, FaultEvent.DiskFault d) {
        if (d.fault() == DiskFaultKind.FULL) {
            h.disk().full(true);
            disksFull.add(h.id().index());
            later(d.duration(), "disk not full " + h.name(), () -> {
                if (disksFull.remove(h.id().index())) {
                    h.disk().full(false);
                }
            });
        } else if (d.fault() == DiskFaultKind.CORRUPT) {
            List<String> files = h.disk().list();
            if (!files.isEmpty()) {
                h.disk().corrupt(targets.pick(files));
            }
        } else {
            // A power cut: the host goes down and loses what it had not synced, then boots again.
            h.crash();
            sim.faultAfter(d.duration(), "restart " + h.name() + " after power loss", () -> {
                if (!off && !h.isUp()) {
                    h.restart();
                }
            });
        }
    }

    private io.faultline.sim.Clock clock(Host h) {
        clocksTouched.add(h.id().index());
        return h.clock();
    }

    private void onHost(FaultEvent e, Target target, java.util.function.Consumer<Host> action) {
        Optional<Host> h = targets.resolve(target);
        if (h.isEmpty()) {
            skip(e, "no host is " + target.text() + " now");
            return;
        }
        action.accept(h.get());
        applied++;
    }

    private void skip(FaultEvent e, String why) {
        skipped++;
        sim.recordFault("skipped " + e.describe() + ": " + why);
    }

    /** Runs {@code action} after {@code duration}, unless the fault lasts until healed. */
    private void later(long duration, String what, Runnable action) {
        if (duration != FaultEvent.UNTIL_HEALED) {
            sim.faultAfter(duration, what, () -> {
                if (!off) {
                    action.run();
                }
            });
        }
    }
}

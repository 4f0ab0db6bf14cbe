package io.faultline.faults;

import io.faultline.gen.DeltaDebug;
import io.faultline.gen.Shrinker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Shrinks a failing fault schedule to a small one that still fails the same check: first delta
 * debugging over its events (ddmin: the result is 1-minimal, no single event can go), then simpler
 * events one at a time (shorter, fewer hosts, later, gentler), keeping a candidate only if it still
 * fails. Every candidate costs one rerun of the simulation, so the reruns are bounded and counted.
 *
 * <pre>{@code
 * ScheduleShrinker.Result r = ScheduleShrinker.shrink(failing, s -> runFails(seed, s), horizon, 200);
 * r.schedule();   // e.g. "@1.2s partition isolate(role:primary) for 300ms"
 * r.reruns();     // how many simulations it took
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScheduleShrinker {
    /** The default budget of reruns. */
    public static final int DEFAULT_BUDGET = 200;

    private static final long MS = 1_000_000L;

    private ScheduleShrinker() {
    }

    /**
     * The outcome of shrinking.
     *
     * @param schedule the smallest failing schedule found
     * @param reruns   how many times {@code stillFails} ran
     * @param complete true if no single candidate of it fails (false if the budget ran out first)
     */
    public record Result(FaultSchedule schedule, int reruns, boolean complete) {
    }

    /**
     * Shrinks {@code failing}, on which {@code stillFails} holds, with at most {@code budget} reruns.
     * {@code horizon} bounds how late a fault may be moved (the end of the safety phase).
     */
    public static Result shrink(FaultSchedule failing, Predicate<FaultSchedule> stillFails, long horizon, int budget) {
        int[] reruns = {0};
        Predicate<FaultSchedule> counted = s -> {
            reruns[0]++;
            return stillFails.test(s);
        };
        if (failing.isEmpty()) {
            return new Result(failing, 0, true);
        }
        DeltaDebug.Result<FaultEvent> dd = DeltaDebug.minimize(failing.events(),
                events -> counted.test(FaultSchedule.of(events)), budget);
        FaultSchedule small = FaultSchedule.of(dd.minimal());
        int left = budget - reruns[0];
        if (left <= 0 || small.isEmpty()) {
            return new Result(small, reruns[0], dd.complete() && left >= 0);
        }
        Shrinker.Result<FaultSchedule> simpler = Shrinker.minimize(small, s -> candidates(s, horizon), counted, left);
        return new Result(simpler.value(), reruns[0], dd.complete() && simpler.complete());
    }

    /** The schedule with one event made simpler, every way, the boldest first. */
    static List<FaultSchedule> candidates(FaultSchedule s, long horizon) {
        List<FaultSchedule> out = new ArrayList<>();
        List<FaultEvent> events = s.events();
        for (int i = 0; i < events.size(); i++) {
            for (FaultEvent simpler : simpler(events.get(i), horizon)) {
                List<FaultEvent> copy = new ArrayList<>(events);
                copy.set(i, simpler);
                out.add(FaultSchedule.of(copy));
            }
        }
        return out;
    }

    /** Simpler forms of one event; each strictly simpler, so shrinking ends. */
    static List<FaultEvent> simpler(FaultEvent e, long horizon) {
        List<FaultEvent> out = new ArrayList<>();
        if (e instanceof FaultEvent.Partition p) {
            PartitionShape shape = p.shape();
            if (shape instanceof PartitionShape.MinorityWith m) {
                out.add(new FaultEvent.Partition(p.at(), new PartitionShape.Isolate(m.member()), p.channel(), p.duration()));
            } else if (!(shape instanceof PartitionShape.Isolate) && !(shape instanceof PartitionShape.Halves)) {
                out.add(new FaultEvent.Partition(p.at(), new PartitionShape.Halves(), p.channel(), p.duration()));
            }
            for (long d : shorter(p.duration())) {
                out.add(new FaultEvent.Partition(p.at(), shape, p.channel(), d));
            }
        } else if (e instanceof FaultEvent.Crash c) {
            for (long d : shorter(c.duration())) {
                out.add(new FaultEvent.Crash(c.at(), c.target(), d));
            }
        } else if (e instanceof FaultEvent.Pause p) {
            for (long d : shorter(p.duration())) {
                out.add(new FaultEvent.Pause(p.at(), p.target(), d));
            }
        } else if (e instanceof FaultEvent.ClockSkew c) {
            for (long v : towardZero(c.offset())) {
                out.add(new FaultEvent.ClockSkew(c.at(), c.target(), v));
            }
        } else if (e instanceof FaultEvent.ClockDrift c) {
            if (c.ppm() / 2 != c.ppm()) {
                out.add(new FaultEvent.ClockDrift(c.at(), c.target(), c.ppm() / 2));
            }
        } else if (e instanceof FaultEvent.ClockJump c) {
            for (long v : towardZero(c.by())) {
                out.add(new FaultEvent.ClockJump(c.at(), c.target(), v));
            }
        } else if (e instanceof FaultEvent.DiskFault d) {
            for (long v : shorter(d.duration())) {
                out.add(new FaultEvent.DiskFault(d.at(), d.target(), d.fault(), v));
            }
        } else if (e instanceof FaultEvent.SlowLink l) {
            for (long v : shorter(l.latency())) {
                out.add(new FaultEvent.SlowLink(l.at(), l.target(), v, l.duration()));
            }
            for (long v : shorter(l.duration())) {
                out.add(new FaultEvent.SlowLink(l.at(), l.target(), l.latency(), v));
            }
        } else if (e instanceof FaultEvent.Duplicate d) {
            for (long v : shorter(d.duration())) {
                out.add(new FaultEvent.Duplicate(d.at(), d.probability(), v));
            }
        } else if (e instanceof FaultEvent.Reorder r) {
            for (long v : shorter(r.duration())) {
                out.add(new FaultEvent.Reorder(r.at(), r.probability(), v));
            }
        }
        long later = roundMs(e.at() + (horizon - e.at()) / 2);
        if (later > e.at() && later < horizon) {
            out.add(e.withAt(later));
        }
        return out;
    }

    /** Half the duration, in whole milliseconds, if that is shorter; nothing for "until healed". */
    private static List<Long> shorter(long d) {
        if (d == FaultEvent.UNTIL_HEALED) {
            return List.of();
        }
        long half = roundMs(d / 2);
        return half > 0 && half < d ? List.of(half) : List.of();
    }

    private static List<Long> towardZero(long v) {
        long half = roundMs(v / 2);
        return Math.abs(half) < Math.abs(v) ? List.of(half) : List.of();
    }

    private static long roundMs(long nanos) {
        return nanos / MS * MS;
    }
}

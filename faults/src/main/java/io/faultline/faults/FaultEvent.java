package io.faultline.faults;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One timed fault of a {@link FaultSchedule}. Times and durations are virtual nanoseconds from the
 * start of the run. A fault with a duration ends by itself (the partition heals, the crashed host
 * restarts); {@link #UNTIL_HEALED} keeps it until a {@link Heal}/{@link Restart}/{@link Resume} or
 * the liveness phase, which turns every fault source off.
 *
 * <pre>{@code
 * FaultEvent e = new FaultEvent.Partition(ms(200), new PartitionShape.Isolate(new Target.Role("primary")),
 *                                         Optional.empty(), ms(500));
 * e.render();   // "@200ms partition isolate(role:primary) for 500ms"
 * }</pre>
 *
 * <p>Each kind is a record here and nothing more: its kind name, {@link #withAt}, {@link #describe}
 * and its forms in schedule files and text all follow from its header, whose components after
 * {@code at} are named after {@link EventField}s ({@code duration} is {@code for} in files). To add a
 * kind, add its record below and what it does to {@link Nemesis}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface FaultEvent {

    /** A duration meaning "until something heals it, at the latest the liveness phase". */
    long UNTIL_HEALED = 0;

    /**
     * The kinds a schedule file may name, in the order of this file: "partition", "heal", "crash",
     * "restart", "pause", "resume", "clock-skew", "clock-drift", "clock-jump", "disk-fault",
     * "slow-link", "duplicate", "reorder", "primitive".
     */
    List<String> KINDS = EventShape.kinds();

    /** When the fault fires, in virtual nanoseconds from the start of the run. */
    long at();

    /** The kind's name in schedule files, one of {@link #KINDS}: the record's name in kebab case. */
    default String kind() {
        return EventShape.of(this).kind();
    }

    /** The same fault at another time. */
    default FaultEvent withAt(long at) {
        return EventShape.of(this).withAt(this, at);
    }

    /** What the fault does, without its time, e.g. {@code crash host:n1 for 1s}. */
    default String describe() {
        return EventShape.of(this).describe(this);
    }

    /** One line for reports: the time, then what happens. */
    default String render() {
        return "@" + TimeText.format(at()) + " " + describe();
    }

    /** Cuts the network into the shape's sides, on all traffic or on one channel only. */
    record Partition(long at, PartitionShape shape, Optional<String> channel, long duration) implements FaultEvent {
    }

    /** Heals every partition and slow link and ends duplication and reordering bursts. */
    record Heal(long at) implements FaultEvent {
    }

    /** Crashes the target (its volatile state and unsynced writes are lost); restarts it after the duration. */
    record Crash(long at, Target target, long duration) implements FaultEvent {
    }

    /** Restarts a crashed host; it recovers from its disk. */
    record Restart(long at, Target target) implements FaultEvent {
    }

    /** Pauses the target (as a long GC pause or SIGSTOP): it keeps its state but handles nothing. */
    record Pause(long at, Target target, long duration) implements FaultEvent {
    }

    /** Resumes a paused host. */
    record Resume(long at, Target target) implements FaultEvent {
    }

    /** Sets the target's clock offset from true time. */
    record ClockSkew(long at, Target target, long offset) implements FaultEvent {
    }

    /** Makes the target's clock run fast (positive) or slow (negative) by this many parts per million. */
    record ClockDrift(long at, Target target, long ppm) implements FaultEvent {
    }

    /** Moves the target's clock at once (as an NTP step), forwards or backwards. */
    record ClockJump(long at, Target target, long by) implements FaultEvent {
    }

    /** A disk fault on the target; a full disk lasts the duration, the others happen once. */
    record DiskFault(long at, Target target, DiskFaultKind fault, long duration) implements FaultEvent {
    }

    /** Adds latency to every link to and from the target. */
    record SlowLink(long at, Target target, long latency, long duration) implements FaultEvent {
    }

    /** A burst in which each message is delivered twice with this probability. */
    record Duplicate(long at, double probability, long duration) implements FaultEvent {
    }

    /** A burst in which each message is held back (so later ones overtake it) with this probability. */
    record Reorder(long at, double probability, long duration) implements FaultEvent {
    }

    /**
     * One fault primitive call exactly as a run made it ({@link io.faultline.sim.FaultCall} text,
     * e.g. {@code crash b2} or {@code cut-channel b1 b2 data}): what {@code --save-faults} writes for
     * the faults a scenario draws or scripts in its own code. Replayed, the call lands where it first
     * happened: at the scenario's own call at that very time, if it makes one, else at its time.
     */
    record Primitive(long at, String call) implements FaultEvent {
        public Primitive {
            call = io.faultline.sim.FaultCall.parse(call).text();
        }
    }
}

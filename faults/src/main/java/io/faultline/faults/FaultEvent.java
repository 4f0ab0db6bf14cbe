package io.faultline.faults;

import java.util.List;
import java.util.Optional;

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
 */
public sealed interface FaultEvent {

    /** A duration meaning "until something heals it, at the latest the liveness phase". */
    long UNTIL_HEALED = 0;

    /** The kinds a schedule file may name, in the order of this file. */
    List<String> KINDS = List.of("partition", "heal", "crash", "restart", "pause", "resume",
            "clock-skew", "clock-drift", "clock-jump", "disk-fault", "slow-link", "duplicate", "reorder");

    /** When the fault fires, in virtual nanoseconds from the start of the run. */
    long at();

    /** The kind's name in schedule files, one of {@link #KINDS}. */
    String kind();

    /** The same fault at another time. */
    FaultEvent withAt(long at);

    /** What the fault does, without its time, e.g. {@code crash host:n1 for 1s}. */
    String describe();

    /** One line for reports: the time, then what happens. */
    default String render() {
        return "@" + TimeText.format(at()) + " " + describe();
    }

    private static String lasting(long duration) {
        return duration == UNTIL_HEALED ? "" : " for " + TimeText.format(duration);
    }

    /** Cuts the network into the shape's sides, on all traffic or on one channel only. */
    record Partition(long at, PartitionShape shape, Optional<String> channel, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "partition";
        }

        @Override
        public Partition withAt(long newAt) {
            return new Partition(newAt, shape, channel, duration);
        }

        @Override
        public String describe() {
            return "partition " + shape.text() + channel.map(c -> " on channel " + c).orElse("") + lasting(duration);
        }
    }

    /** Heals every partition and slow link and ends duplication and reordering bursts. */
    record Heal(long at) implements FaultEvent {
        @Override
        public String kind() {
            return "heal";
        }

        @Override
        public Heal withAt(long newAt) {
            return new Heal(newAt);
        }

        @Override
        public String describe() {
            return "heal";
        }
    }

    /** Crashes the target (its volatile state and unsynced writes are lost); restarts it after the duration. */
    record Crash(long at, Target target, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "crash";
        }

        @Override
        public Crash withAt(long newAt) {
            return new Crash(newAt, target, duration);
        }

        @Override
        public String describe() {
            return "crash " + target.text() + lasting(duration);
        }
    }

    /** Restarts a crashed host; it recovers from its disk. */
    record Restart(long at, Target target) implements FaultEvent {
        @Override
        public String kind() {
            return "restart";
        }

        @Override
        public Restart withAt(long newAt) {
            return new Restart(newAt, target);
        }

        @Override
        public String describe() {
            return "restart " + target.text();
        }
    }

    /** Pauses the target (as a long GC pause or SIGSTOP): it keeps its state but handles nothing. */
    record Pause(long at, Target target, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "pause";
        }

        @Override
        public Pause withAt(long newAt) {
            return new Pause(newAt, target, duration);
        }

        @Override
        public String describe() {
            return "pause " + target.text() + lasting(duration);
        }
    }

    /** Resumes a paused host. */
    record Resume(long at, Target target) implements FaultEvent {
        @Override
        public String kind() {
            return "resume";
        }

        @Override
        public Resume withAt(long newAt) {
            return new Resume(newAt, target);
        }

        @Override
        public String describe() {
            return "resume " + target.text();
        }
    }

    /** Sets the target's clock offset from true time. */
    record ClockSkew(long at, Target target, long offset) implements FaultEvent {
        @Override
        public String kind() {
            return "clock-skew";
        }

        @Override
        public ClockSkew withAt(long newAt) {
            return new ClockSkew(newAt, target, offset);
        }

        @Override
        public String describe() {
            return "clock-skew " + target.text() + " by " + TimeText.format(offset);
        }
    }

    /** Makes the target's clock run fast (positive) or slow (negative) by this many parts per million. */
    record ClockDrift(long at, Target target, long ppm) implements FaultEvent {
        @Override
        public String kind() {
            return "clock-drift";
        }

        @Override
        public ClockDrift withAt(long newAt) {
            return new ClockDrift(newAt, target, ppm);
        }

        @Override
        public String describe() {
            return "clock-drift " + target.text() + " " + ppm + "ppm";
        }
    }

    /** Moves the target's clock at once (as an NTP step), forwards or backwards. */
    record ClockJump(long at, Target target, long by) implements FaultEvent {
        @Override
        public String kind() {
            return "clock-jump";
        }

        @Override
        public ClockJump withAt(long newAt) {
            return new ClockJump(newAt, target, by);
        }

        @Override
        public String describe() {
            return "clock-jump " + target.text() + " by " + TimeText.format(by);
        }
    }

    /** A disk fault on the target; a full disk lasts the duration, the others happen once. */
    record DiskFault(long at, Target target, DiskFaultKind fault, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "disk-fault";
        }

        @Override
        public DiskFault withAt(long newAt) {
            return new DiskFault(newAt, target, fault, duration);
        }

        @Override
        public String describe() {
            return "disk-fault " + fault.text() + " " + target.text() + lasting(duration);
        }
    }

    /** Adds latency to every link to and from the target. */
    record SlowLink(long at, Target target, long latency, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "slow-link";
        }

        @Override
        public SlowLink withAt(long newAt) {
            return new SlowLink(newAt, target, latency, duration);
        }

        @Override
        public String describe() {
            return "slow-link " + target.text() + " +" + TimeText.format(latency) + lasting(duration);
        }
    }

    /** A burst in which each message is delivered twice with this probability. */
    record Duplicate(long at, double probability, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "duplicate";
        }

        @Override
        public Duplicate withAt(long newAt) {
            return new Duplicate(newAt, probability, duration);
        }

        @Override
        public String describe() {
            return "duplicate p=" + probability + lasting(duration);
        }
    }

    /** A burst in which each message is held back (so later ones overtake it) with this probability. */
    record Reorder(long at, double probability, long duration) implements FaultEvent {
        @Override
        public String kind() {
            return "reorder";
        }

        @Override
        public Reorder withAt(long newAt) {
            return new Reorder(newAt, probability, duration);
        }

        @Override
        public String describe() {
            return "reorder p=" + probability + lasting(duration);
        }
    }
}

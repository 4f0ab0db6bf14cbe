package io.faultline.faults;

import io.faultline.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Generates fault schedules with {@link Gen}, so they shrink like any generated value. As in
 * TigerBeetle's simulator, the mix itself is random per seed: first which kinds are on and how many
 * events there are (the intensity), then the events. So one seed tests crashes alone, the next a
 * storm of partitions and clock jumps.
 *
 * <pre>{@code
 * FaultSpace space = FaultSpace.of(2 * Simulation.SECONDS, List.of(new Target.Random("servers")));
 * FaultSchedule s = ScheduleGen.forSeed(space, 42);           // the same for seed 42, always
 * Gen<FaultSchedule> g = ScheduleGen.schedules(space);        // for Property.forAll(g)
 * }</pre>
 *
 * <p>Times and durations are whole milliseconds, so schedules read well. Generated values shrink
 * toward fewer kinds and events, later faults, shorter ones, single-host shapes and gentler values.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScheduleGen {
    private static final long MS = 1_000_000L;

    private ScheduleGen() {
    }

    /** The schedule for this seed. */
    public static FaultSchedule forSeed(FaultSpace space, long seed) {
        return schedules(space).sample(seed);
    }

    /** Schedules over the space: a mix per seed, then that many events of those kinds. */
    public static Gen<FaultSchedule> schedules(FaultSpace space) {
        int kindCount = space.kinds().size();
        // A bit mask of the kinds switched on; shrinks toward 1, the first kind alone.
        Gen<List<String>> mix = Gen.integers(1, (1 << kindCount) - 1, 1).map(mask -> {
            List<String> on = new ArrayList<>();
            for (int i = 0; i < kindCount; i++) {
                if ((mask & (1 << i)) != 0) {
                    on.add(space.kinds().get(i));
                }
            }
            return List.copyOf(on);
        });
        Gen<Integer> intensity = Gen.integers(1, space.maxEvents(), 1);
        return Gen.tuple(mix, intensity).flatMap(chosen -> {
            int n = chosen.second();
            List<Gen<? extends FaultEvent>> options = new ArrayList<>();
            for (String k : chosen.first()) {
                options.add(event(k, space));
            }
            Gen<FaultEvent> any = Gen.oneOf(options);
            return any.list(1, n).map(FaultSchedule::of);
        });
    }

    /** Events of one kind. */
    static Gen<? extends FaultEvent> event(String kind, FaultSpace space) {
        Gen<Long> at = millis(0, space.horizon() / MS - 1, space.horizon() / MS - 1);
        long longest = Math.max(1, space.horizon() / MS / 2);
        Gen<Long> duration = millis(1, longest, 1);
        Gen<Target> target = Gen.elements(space.targets());
        switch (kind) {
            case "partition": {
                List<Gen<? extends PartitionShape>> shapes = new ArrayList<>();
                shapes.add(target.map(PartitionShape.Isolate::new));
                shapes.add(target.map(PartitionShape.MinorityWith::new));
                shapes.add(Gen.constant(new PartitionShape.Halves()));
                shapes.add(Gen.constant(new PartitionShape.Bridge()));
                shapes.add(Gen.constant(new PartitionShape.MajoritiesRing()));
                shapes.add(Gen.constant(new PartitionShape.RandomCut()));
                Gen<PartitionShape> shape = Gen.oneOf(shapes);
                Gen<Optional<String>> channel = space.channels().isEmpty() ? Gen.constant(Optional.empty())
                        : Gen.frequency(Gen.weighted(2, Gen.constant(Optional.<String>empty())),
                                Gen.weighted(1, Gen.elements(space.channels()).map(Optional::of)));
                return Gen.zip(Gen.tuple(at, shape), Gen.tuple(channel, duration),
                        (a, b) -> new FaultEvent.Partition(a.first(), a.second(), b.first(), b.second()));
            }
            case "crash":
                return Gen.tuple(at, target, duration).map(t -> new FaultEvent.Crash(t.first(), t.second(), t.third()));
            case "pause":
                return Gen.tuple(at, target, duration).map(t -> new FaultEvent.Pause(t.first(), t.second(), t.third()));
            case "clock-skew":
                return Gen.tuple(at, target, millis(-10_000, 10_000, 0))
                        .map(t -> new FaultEvent.ClockSkew(t.first(), t.second(), t.third()));
            case "clock-drift":
                return Gen.tuple(at, target, Gen.longs(-500, 500, 0))
                        .map(t -> new FaultEvent.ClockDrift(t.first(), t.second(), t.third()));
            case "clock-jump":
                return Gen.tuple(at, target, millis(-60_000, 60_000, 0))
                        .map(t -> new FaultEvent.ClockJump(t.first(), t.second(), t.third()));
            case "disk-fault":
                return Gen.zip(Gen.tuple(at, target), Gen.tuple(Gen.elements(DiskFaultKind.values()), duration),
                        (a, b) -> new FaultEvent.DiskFault(a.first(), a.second(), b.first(), b.second()));
            case "slow-link":
                return Gen.zip(Gen.tuple(at, target), Gen.tuple(millis(1, 500, 1), duration),
                        (a, b) -> new FaultEvent.SlowLink(a.first(), a.second(), b.first(), b.second()));
            case "duplicate":
                return Gen.tuple(at, percent(), duration).map(t -> new FaultEvent.Duplicate(t.first(), t.second(), t.third()));
            case "reorder":
                return Gen.tuple(at, percent(), duration).map(t -> new FaultEvent.Reorder(t.first(), t.second(), t.third()));
            default:
                throw new IllegalArgumentException("kind " + kind + " is not generated");
        }
    }

    /** Whole milliseconds in {@code [lo, hi]}, as nanoseconds, shrinking toward {@code target}. */
    private static Gen<Long> millis(long lo, long hi, long target) {
        return Gen.longs(lo, hi, target).map(m -> m * MS);
    }

    /** A probability in whole percent, 5% to 50%, shrinking toward 5%. */
    private static Gen<Double> percent() {
        return Gen.integers(5, 50, 5).map(p -> p / 100.0);
    }
}

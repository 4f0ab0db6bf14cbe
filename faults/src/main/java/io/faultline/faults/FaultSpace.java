package io.faultline.faults;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a generated fault schedule may contain: the length of the safety phase in which faults fire,
 * the targets and channels to choose from, the kinds allowed (a model without a disk leaves out
 * {@code disk-fault}) and the most events one schedule may hold. Each seed then picks its own mix of
 * kinds and its own intensity from this space ({@link ScheduleGen}).
 *
 * <pre>{@code
 * FaultSpace space = FaultSpace.of(2 * Simulation.SECONDS,
 *         List.of(new Target.Role("primary"), new Target.Random("servers")))
 *     .withKinds(List.of("partition", "crash", "pause"))
 *     .withChannels(List.of("replicate"));
 * }</pre>
 *
 * @param horizon   faults start in {@code [0, horizon)}, virtual nanoseconds
 * @param targets   targets that host faults and {@code isolate}/{@code minority} shapes draw from
 * @param channels  channels a partition may cut alone (empty: partitions cut all traffic)
 * @param kinds     the kinds a schedule may use (a subset of {@link #GENERATED_KINDS})
 * @param maxEvents the most events in one schedule
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FaultSpace(long horizon, List<Target> targets, List<String> channels, List<String> kinds, int maxEvents) {

    /**
     * Kinds the generator draws. Heal, restart and resume are not drawn: generated faults carry
     * their own duration, which shrinks better than a separate ending event.
     */
    public static final List<String> GENERATED_KINDS = List.of("partition", "crash", "pause",
            "clock-skew", "clock-drift", "clock-jump", "disk-fault", "slow-link", "duplicate", "reorder");

    public FaultSpace {
        if (horizon < 1_000_000L) {
            throw new IllegalArgumentException("the fault horizon must be at least 1ms");
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a fault space needs at least one target");
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a fault space needs at least one kind");
        }
        for (String k : kinds) {
            if (!GENERATED_KINDS.contains(k)) {
                throw new IllegalArgumentException("kind " + k + " cannot be generated; allowed: " + String.join(", ", GENERATED_KINDS));
            }
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        targets = List.copyOf(targets);
        channels = List.copyOf(channels);
        List<String> ordered = new ArrayList<>();
        for (String k : GENERATED_KINDS) {   // one order whatever the caller's, for stable generation
            if (kinds.contains(k)) {
                ordered.add(k);
            }
        }
        kinds = List.copyOf(ordered);
    }

    /**
     * The faults a catalog scenario's seed draws when nothing else is said (by
     * {@code @SimulationTest} and by {@code faultline run --random-faults}): every generated kind on
     * random servers, starting within the first 60% of the run so that it has time to recover.
     */
    public static FaultSpace forRun(long durationNanos) {
        return of(Math.max(io.faultline.sim.Simulation.MILLIS, durationNanos * 6 / 10), List.of(new Target.Random("servers")));
    }

    /** Every generated kind, up to 8 events, no channels. */
    public static FaultSpace of(long horizon, List<Target> targets) {
        return new FaultSpace(horizon, targets, List.of(), GENERATED_KINDS, 8);
    }

    public FaultSpace withKinds(List<String> newKinds) {
        return new FaultSpace(horizon, targets, channels, newKinds, maxEvents);
    }

    public FaultSpace withChannels(List<String> newChannels) {
        return new FaultSpace(horizon, targets, newChannels, kinds, maxEvents);
    }

    public FaultSpace withMaxEvents(int max) {
        return new FaultSpace(horizon, targets, channels, kinds, max);
    }

    public FaultSpace withHorizon(long newHorizon) {
        return new FaultSpace(newHorizon, targets, channels, kinds, maxEvents);
    }
}

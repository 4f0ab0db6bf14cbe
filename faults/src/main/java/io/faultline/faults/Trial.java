package io.faultline.faults;

import io.faultline.checker.history.History;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Liveness;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * One run of your own system under faults, in two phases as in TigerBeetle's simulator: a safety
 * phase under a fault schedule, then a liveness phase with every fault source off (partitions
 * healed, crashed hosts restarted, paused ones resumed, clocks and links reset) in which the system
 * must make progress within a bound. Build the system on {@link #simulation()}, declare the faults
 * and the checks, then {@link #execute()}; {@code @SimulationTest} does the last step for you.
 *
 * <pre>{@code
 * Trial trial = new Trial("register/async", 42);
 * Cluster c = Cluster.start(trial.simulation(), 3);                 // your hosts and clients
 * trial.safetyPhase(5 * Simulation.SECONDS)
 *      .faults(FaultSpace.of(4 * Simulation.SECONDS, List.of(new Target.Role("primary"))))
 *      .history("register", c::history)
 *      .check("no stale read", () -> c.checkReads())
 *      .progress("writes succeed again", c::wroteAfterHeal, 5 * Simulation.SECONDS);
 * RunResult result = trial.execute();
 * }</pre>
 *
 * <p>The schedule is generated from the seed ({@link ScheduleGen}) over the declared space, unless
 * an explicit one is given ({@link #schedule(FaultSchedule)}), as replays and shrinking do.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Trial {
    private record Progress(String name, BooleanSupplier progressed, long bound) {
    }

    private final String name;
    private final long seed;
    private final Simulation sim;
    private final Map<String, Supplier<History>> histories = new LinkedHashMap<>();
    private final List<Supplier<CheckResult>> checks = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private long safetyNanos = 10 * Simulation.SECONDS;
    private Optional<FaultSpace> space = Optional.empty();
    private Optional<FaultSchedule> explicit = Optional.empty();
    private RoleResolver roles = RoleResolver.PROCESSES;
    private Optional<FaultSchedule> used = Optional.empty();
    private boolean executed;

    public Trial(String name, long seed) {
        this.name = name;
        this.seed = seed;
        this.sim = new Simulation(seed);
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    /** The simulation to build the system on, before {@link #execute()}. */
    public Simulation simulation() {
        return sim;
    }

    /** How long the safety phase lasts (default 10 s of virtual time). */
    public Trial safetyPhase(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("the safety phase must last a positive time");
        }
        safetyNanos = nanos;
        return this;
    }

    public long safetyPhase() {
        return safetyNanos;
    }

    /**
     * The faults to generate from the seed. Default: every kind, on random servers, over the
     * first 80% of the safety phase.
     */
    public Trial faults(FaultSpace faultSpace) {
        space = Optional.of(faultSpace);
        return this;
    }

    /** The space faults are generated from: the declared one or the default. */
    public FaultSpace faultSpace() {
        return space.orElseGet(() -> FaultSpace.of(Math.max(Simulation.MILLIS, safetyNanos * 8 / 10),
                List.of(new Target.Random("servers"))));
    }

    /** Replays exactly this schedule instead of generating one. */
    public Trial schedule(FaultSchedule schedule) {
        explicit = Optional.of(schedule);
        return this;
    }

    /** Who holds which role, for {@code role:} targets (default: {@link RoleResolver#PROCESSES}). */
    public Trial roles(RoleResolver resolver) {
        roles = resolver;
        return this;
    }

    /** A history to put in the result (and so in reports), read after the run. */
    public Trial history(String historyName, Supplier<History> history) {
        histories.put(historyName, history);
        return this;
    }

    /** A check evaluated after both phases. */
    public Trial check(Supplier<CheckResult> check) {
        checks.add(check);
        return this;
    }

    /** A check evaluated after both phases, from a name and a test that says what is wrong, if anything. */
    public Trial check(String checkName, Supplier<Optional<String>> problem) {
        return check(() -> problem.get().map(p -> CheckResult.invalid(checkName, p))
                .orElseGet(() -> CheckResult.valid(checkName, "holds")));
    }

    /** A progress condition of the liveness phase: it must become true within {@code bound} after the heal. */
    public Trial progress(String progressName, BooleanSupplier progressed, long bound) {
        progress.add(new Progress(progressName, progressed, bound));
        return this;
    }

    /**
     * A counter that must grow in the liveness phase: within {@code bound} after the heal it must
     * exceed the value it had at the heal (e.g. acknowledged writes: the system serves again).
     */
    public Trial mustGrow(String progressName, java.util.function.LongSupplier counter, long bound) {
        long[] atHeal = {Long.MIN_VALUE};
        return progress(progressName, () -> {
            if (atHeal[0] == Long.MIN_VALUE) {
                atHeal[0] = counter.getAsLong();   // first asked right after the heal
            }
            return counter.getAsLong() > atHeal[0];
        }, bound);
    }

    /** The schedule this trial ran (or will run): the explicit one, else the one generated from the seed. */
    public FaultSchedule schedule() {
        return used.orElseGet(() -> explicit.orElseGet(() -> ScheduleGen.forSeed(faultSpace(), seed)));
    }

    /** Runs both phases and the checks; once. */
    public RunResult execute() {
        if (executed) {
            throw new IllegalStateException("a trial runs once");
        }
        executed = true;
        FaultSchedule schedule = schedule();
        used = Optional.of(schedule);
        Nemesis nemesis = new Nemesis(schedule, roles);
        sim.install(nemesis);
        RunStatus status = sim.run(safetyNanos);
        List<CheckResult> results = new ArrayList<>();
        if (status == RunStatus.REACHED_TIME) {
            nemesis.healAll();
            sim.recordFault("liveness phase: every fault source off");
            for (Progress p : progress) {
                results.add(Liveness.await(sim, p.name(), p.progressed(), p.bound()));
            }
        } else {
            for (Progress p : progress) {
                results.add(CheckResult.unknown(p.name(), "the safety phase stopped early: " + status));
            }
        }
        RunResult.Builder b = RunResult.builder(name, new RunSpec(seed, safetyNanos, Settings.defaults(List.of())), sim)
                .status(status);
        for (Map.Entry<String, Supplier<History>> h : histories.entrySet()) {
            b.history(h.getKey(), h.getValue().get());
        }
        for (Supplier<CheckResult> c : checks) {
            b.check(c.get());
        }
        for (CheckResult r : results) {
            b.check(r);
        }
        return b.build();
    }
}

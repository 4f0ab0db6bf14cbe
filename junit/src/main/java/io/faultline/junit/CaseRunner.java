package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.FaultSpace;
import io.faultline.faults.Nemesis;
import io.faultline.faults.ScheduleGen;
import io.faultline.faults.Trial;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * Runs one seed of a test, first as JUnit invokes it and then again under candidate schedules while
 * shrinking, in one of the two styles: the method builds the system on a {@link Trial} (run after
 * the method returns), or a catalog scenario runs first and the method asserts on its result.
 */
abstract sealed class CaseRunner {
    final long seed;
    final Optional<FaultSchedule> explicit;

    CaseRunner(long seed, Optional<FaultSchedule> explicit) {
        this.seed = seed;
        this.explicit = explicit;
    }

    /** The value for a parameter of this type in the first invocation. */
    abstract Object resolve(Class<?> type);

    abstract boolean supports(Class<?> type);

    /** The horizon within which shrinking may move faults. */
    abstract long horizon();

    /**
     * Completes the first attempt, around JUnit's own invocation of the method ({@code proceed}).
     */
    abstract Attempt first(ThrowingRunnable proceed) throws Throwable;

    /** Reruns the seed under {@code schedule}, invoking the method on {@code target} again. */
    abstract Attempt rerun(FaultSchedule schedule, Optional<Object> target, Method method, List<Object> firstArgs) throws Throwable;

    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    static boolean isSeed(Class<?> type) {
        return type == long.class || type == Long.class;
    }

    /** The method builds the system on a Trial; the run happens after it returns. */
    static final class Built extends CaseRunner {
        private final String name;
        private final List<SystemSetup> setups;
        private Trial trial;
        private Handles handles;

        Built(String name, long seed, Optional<FaultSchedule> explicit, List<SystemSetup> setups) {
            super(seed, explicit);
            this.name = name;
            this.setups = List.copyOf(setups);
        }

        private Trial trial() {
            if (trial == null) {
                handles = new Handles();
                trial = newTrial(explicit, handles);
            }
            return trial;
        }

        /** A fresh trial of this seed, the setup hooks having built their system on it. */
        private Trial newTrial(Optional<FaultSchedule> schedule, Handles exposed) {
            Trial t = new Trial(name, seed);
            schedule.ifPresent(t::schedule);
            for (SystemSetup setup : setups) {
                setup.setUp(t, exposed);
            }
            return t;
        }

        @Override
        boolean supports(Class<?> type) {
            return type == Trial.class || type == Simulation.class || type == FaultSchedule.class || isSeed(type)
                    || exposed(type, handlesOfFirst());
        }

        private Handles handlesOfFirst() {
            trial();
            return handles;
        }

        private static boolean exposed(Class<?> type, Handles h) {
            return h.get(type).isPresent();
        }

        @Override
        Object resolve(Class<?> type) {
            return valueFor(type, trial(), handles);
        }

        private Object valueFor(Class<?> type, Trial t, Handles h) {
            if (type == Trial.class) {
                return t;
            }
            if (type == Simulation.class) {
                return t.simulation();
            }
            if (type == FaultSchedule.class) {
                return t.schedule();
            }
            if (isSeed(type)) {
                return seed;
            }
            return h.get(type).orElseThrow(() -> new IllegalArgumentException("no handle of type " + type.getName()
                    + " was exposed; exposed: " + h.types().stream().map(Class::getName).toList()
                    + " (expose one with handles.expose(" + type.getSimpleName() + ".class, ...) in a SystemSetup named in"
                    + " @SimulationTest(hooks)); also resolvable: Trial, Simulation, FaultSchedule, long seed"));
        }

        @Override
        long horizon() {
            return trial().faultSpace().horizon();
        }

        @Override
        Attempt first(ThrowingRunnable proceed) throws Throwable {
            Trial t = trial();
            proceed.run();   // building the system may fail: that is the test's own error, not a seed's
            RunResult result = t.execute();
            return new Attempt(t.schedule(), result, Optional.empty());
        }

        @Override
        Attempt rerun(FaultSchedule schedule, Optional<Object> target, Method method, List<Object> firstArgs) throws Throwable {
            Handles h = new Handles();
            Trial t = newTrial(Optional.of(schedule), h);
            Object[] args = firstArgs.toArray();
            Parameter[] params = method.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (supports(params[i].getType())) {
                    args[i] = valueFor(params[i].getType(), t, h);
                }
            }
            method.setAccessible(true);
            try {
                method.invoke(target.orElse(null), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return new Attempt(schedule, t.execute(), Optional.empty());
        }
    }

    /** A catalog scenario runs first; the method then asserts on its result. */
    static final class Catalog extends CaseRunner {
        private final Scenario scenario;
        private RunSpec spec;
        private final Optional<FaultSpace> space;
        private final Optional<Prefetch> prefetch;
        private FaultSchedule schedule;
        private RunResult result;

        Catalog(Scenario scenario, RunSpec spec, Optional<FaultSchedule> explicit, Optional<FaultSpace> space,
                Optional<Prefetch> prefetch) {
            super(spec.seed(), explicit);
            this.scenario = scenario;
            this.spec = spec;
            this.space = space;
            this.prefetch = prefetch;
        }

        /** By default faults start within the first 60% of the run, leaving time to recover. */
        @Override
        long horizon() {
            return space().horizon();
        }

        FaultSpace space() {
            return space.orElseGet(() -> FaultSpace.forRun(spec.durationNanos()));
        }

        private FaultSchedule schedule() {
            if (schedule == null) {
                schedule = explicit.orElseGet(() -> ScheduleGen.forSeed(space(), seed));
            }
            return schedule;
        }

        private RunResult run(FaultSchedule s) {
            return scenario.run(spec.withFaults(new Nemesis(s)));
        }

        RunSpec spec() {
            return spec;
        }

        /** Reruns from now on with these settings (shrinking a configuration keeps a smaller one). */
        void useSpec(RunSpec smaller) {
            spec = smaller;
        }

        /**
         * Specs with one integer setting made smaller (its minimum, then half its value), each
         * simpler than this one, for shrinking the configuration and the workload.
         */
        List<RunSpec> smallerSpecs() {
            List<RunSpec> out = new java.util.ArrayList<>();
            java.util.Map<String, String> now = spec.settings().asStrings();
            for (io.faultline.sim.scenario.Setting<?> setting : spec.settings().schema()) {
                java.util.regex.Matcher range = java.util.regex.Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)").matcher(setting.allowed());
                String value = now.get(setting.key());
                if (!range.matches() || value == null || !value.matches("-?\\d+")) {
                    continue;
                }
                long min = Long.parseLong(range.group(1));
                long v = Long.parseLong(value);
                for (long candidate : new long[] {min, Math.max(min, v / 2)}) {
                    if (candidate < v) {
                        java.util.Map<String, String> raw = new java.util.LinkedHashMap<>(now);
                        raw.put(setting.key(), Long.toString(candidate));
                        try {
                            out.add(new RunSpec(spec.seed(), spec.durationNanos(),
                                    io.faultline.sim.scenario.Settings.parse(spec.settings().schema(), raw)));
                        } catch (RuntimeException e) {
                            // a value the scenario refuses is not a candidate
                        }
                    }
                }
            }
            return out;
        }

        /** The seed's result: run ahead on another core if a prefetcher serves this test, else now. */
        RunResult result() {
            if (result == null) {
                result = explicit.isEmpty() && prefetch.isPresent() ? prefetch.get().result(seed) : run(schedule());
            }
            return result;
        }

        @Override
        boolean supports(Class<?> type) {
            return type == RunResult.class || type == FaultSchedule.class || isSeed(type);
        }

        @Override
        Object resolve(Class<?> type) {
            if (!supports(type)) {
                // Only a @Handle parameter gets here: its RunResult holds no model objects to hand out.
                throw new IllegalArgumentException("no handle of type " + type.getName() + ": a catalog scenario exposes"
                        + " no handles; resolvable: RunResult, FaultSchedule, long seed");
            }
            return valueFor(type, result(), schedule());
        }

        private Object valueFor(Class<?> type, RunResult r, FaultSchedule s) {
            if (type == RunResult.class) {
                return r;
            }
            if (type == FaultSchedule.class) {
                return s;
            }
            return seed;
        }

        @Override
        Attempt first(ThrowingRunnable proceed) throws Throwable {
            RunResult r = result();
            Optional<Throwable> thrown = Optional.empty();
            try {
                proceed.run();
            } catch (Throwable t) {
                thrown = Optional.of(t);
            }
            return new Attempt(schedule(), r, thrown);
        }

        @Override
        Attempt rerun(FaultSchedule candidate, Optional<Object> target, Method method, List<Object> firstArgs) {
            RunResult r = run(candidate);
            Object[] args = firstArgs.toArray();
            Parameter[] params = method.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (supports(params[i].getType())) {
                    args[i] = valueFor(params[i].getType(), r, candidate);
                }
            }
            Optional<Throwable> thrown = Optional.empty();
            try {
                method.setAccessible(true);
                method.invoke(target.orElse(null), args);
            } catch (InvocationTargetException e) {
                thrown = Optional.of(e.getCause());
            } catch (IllegalAccessException e) {
                thrown = Optional.of(e);
            }
            return new Attempt(candidate, r, thrown);
        }
    }
}

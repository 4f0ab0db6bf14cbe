package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.ScheduleFormatException;
import io.faultline.faults.ScheduleJson;
import io.faultline.faults.ScheduleText;
import io.faultline.sim.BadInputException;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Provides the seeds of a {@link SimulationTest} as invocations of its method, one test per seed, or
 * the single case a {@link Replay} names. Registered by {@code @SimulationTest} itself, so it is
 * package-private: JUnit builds extensions by reflection and needs no public access, and users never
 * name it.
 */
final class SimulationExtension implements TestTemplateInvocationContextProvider {
    /** Where the extension keeps its state in JUnit's stores. */
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimulationExtension.class);

    /** Overrides {@link SimulationTest#seeds()} for every test. */
    static final String SEEDS_PROPERTY = "faultline.seeds";

    /** Overrides {@link SimulationTest#firstSeed()} for every test (a grader's hidden seeds start there). */
    static final String FIRST_SEED_PROPERTY = "faultline.firstSeed";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, SimulationTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        SimulationTest test = AnnotationSupport.findAnnotation(method, SimulationTest.class).orElseThrow();
        Optional<Scenario> scenario = scenario(test);
        SimulationMethod declared = new SimulationMethod(test, context.getRequiredTestClass().getName(), method.getName(),
                scenario, hooks(test, context));
        Optional<Replay> replay = AnnotationSupport.findAnnotation(method, Replay.class);
        if (replay.isPresent()) {
            FaultSchedule schedule = parse(replay.get().faults());
            List<String> settings = new ArrayList<>(List.of(test.settings()));
            settings.addAll(List.of(replay.get().settings()));
            SeedPlan plan = declared.plan(settings, replay.get().seed(), Optional.of(schedule), Optional.empty());
            return Stream.of(new SeedInvocation(plan, "replay seed " + replay.get().seed()));
        }
        int seeds = seeds(test);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        long first = firstSeed(test);
        // A catalog scenario's seeds run ahead on the other cores; a method that builds its system
        // must run in JUnit's thread, so its seeds run one after the other.
        Optional<Prefetch> prefetch = scenario.isEmpty() ? Optional.empty() : Prefetch.create(seed ->
                ((CaseRunner.Catalog) declared.plan(List.of(test.settings()), seed, Optional.empty(), Optional.empty())
                        .newRunner()).result(), first, first + seeds - 1);
        prefetch.ifPresent(p -> store.put("prefetch", p));
        return LongStream.range(first, first + seeds)
                .boxed()
                .takeWhile(seed -> !(test.stopAtFirstFailure() && Boolean.TRUE.equals(store.get("failed", Boolean.class))))
                .map(seed -> new SeedInvocation(declared.plan(List.of(test.settings()), seed, Optional.empty(), prefetch),
                        "seed " + seed));
    }

    /** The test's hooks, built once and kept in the method's store. */
    @SuppressWarnings("unchecked")
    private static List<SimulationHook> hooks(SimulationTest test, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("hooks", k -> {
            List<SimulationHook> built = new ArrayList<>();
            for (Class<? extends SimulationHook> type : test.hooks()) {
                try {
                    built.add(ReflectionSupport.newInstance(type));
                } catch (RuntimeException e) {
                    throw new ExtensionConfigurationException("@SimulationTest(hooks): cannot build " + type.getName()
                            + "; a hook needs a no-argument constructor (" + e + ")");
                }
            }
            return List.copyOf(built);
        }, List.class);
    }

    private static Optional<Scenario> scenario(SimulationTest test) {
        if (test.scenario().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Scenarios.get(test.scenario()));
        } catch (BadInputException e) {
            throw new ExtensionConfigurationException("@SimulationTest: " + e.getMessage());
        }
    }

    static int seeds(SimulationTest test) {
        long n = OverrideProperty.read(SEEDS_PROPERTY, 1, Integer.MAX_VALUE, test.seeds(), "must be an integer of at least 1");
        if (n < 1) {
            throw new ExtensionConfigurationException("@SimulationTest(seeds = " + test.seeds() + "): seeds must be at least 1");
        }
        return (int) n;
    }

    static long firstSeed(SimulationTest test) {
        return OverrideProperty.read(FIRST_SEED_PROPERTY, 0, Long.MAX_VALUE, test.firstSeed(),
                "must be a whole number from 0 to 9223372036854775807");
    }

    private static FaultSchedule parse(String faults) {
        try {
            if (faults.strip().endsWith(".json")) {
                return ScheduleJson.read(Path.of(faults.strip()));
            }
            return ScheduleText.parse(faults, "@Replay(faults)");
        } catch (ScheduleFormatException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
    }
}

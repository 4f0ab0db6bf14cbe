package io.faultline.sim.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The determinism rules (the docs' architecture page, section "Determinism") as ArchUnit rules:
 * code that runs inside the simulator uses no wall clock, no unseeded randomness, no threads, and
 * no collections whose iteration order can change between runs or JVMs.
 *
 * <pre>{@code
 * @Test
 * void modelsAreDeterministic() {
 *     DeterminismRules.check("io.faultline.models");   // throws AssertionError listing violations
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DeterminismRules {
    private DeterminismRules() {
    }

    /** No reading of the wall clock: System.currentTimeMillis/nanoTime, java.time's now(), Clock.system*. */
    public static ArchRule noWallClock() {
        return noClasses()
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(target(name("now")).and(target(owner(inJavaTime()))))
                .orShould().callMethodWhere(target(nameStartingWith("system"))
                        .and(target(owner(JavaClass.Predicates.simpleName("Clock").and(inJavaTime())))))
                .because("virtual time comes from Simulation.now() or Context.now()");
    }

    /** No randomness but the simulation's seeded Rng. */
    public static ArchRule noUnseededRandomness() {
        return noClasses()
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .because("randomness comes only from the simulation's seeded Rng forks");
    }

    /** No threads, executors, futures, timers or parallel streams. */
    public static ArchRule noThreads() {
        return noClasses()
                .should().dependOnClassesThat().areAssignableTo("java.lang.Thread")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.Executor")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.Future")
                .orShould().dependOnClassesThat().areAssignableTo("java.util.concurrent.CompletionStage")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Timer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.TimerTask")
                .orShould().callMethodWhere(target(name("parallelStream")))
                .orShould().callMethodWhere(target(name("parallel"))
                        .and(target(owner(JavaClass.Predicates.assignableTo(java.util.stream.BaseStream.class)))))
                .because("the simulator runs every handler on one thread, in virtual time");
    }

    /**
     * No collections whose iteration order depends on hash codes or a per-JVM salt: HashMap and
     * HashSet (use LinkedHashMap, LinkedHashSet, TreeMap, TreeSet), Set.of/Map.of with elements and
     * their copyOf, and the Collectors that build hash collections; nor identity hash codes.
     */
    public static ArchRule noHashOrder() {
        return noClasses()
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Hashtable")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.IdentityHashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.WeakHashMap")
                .orShould().callMethodWhere(saltedFactory())
                .orShould().callMethodWhere(target(owner(JavaClass.Predicates.type(java.util.stream.Collectors.class)))
                        .and(target(name("toSet").or(name("toUnmodifiableSet")).or(name("toMap"))
                                .or(name("toUnmodifiableMap")).or(name("groupingBy")))))
                .orShould().callMethod(System.class, "identityHashCode", Object.class)
                .because("iteration order must be the same in every run and every JVM");
    }

    /** Every rule above. */
    public static List<ArchRule> all() {
        return List.of(noWallClock(), noUnseededRandomness(), noThreads(), noHashOrder());
    }

    /**
     * Checks every rule against the production classes of {@code packages} (and sub-packages),
     * throwing an {@link AssertionError} that lists every violation.
     */
    public static void check(String... packages) {
        RuleChecks.assertAll(all(), RuleChecks.production(packages));
    }

    private static DescribedPredicate<JavaClass> inJavaTime() {
        return JavaClass.Predicates.resideInAPackage("java.time");
    }

    /** Set.of/Map.of/ofEntries/copyOf with at least one element: their order uses a per-JVM salt. */
    private static DescribedPredicate<JavaCall<?>> saltedFactory() {
        DescribedPredicate<JavaCall<?>> setOrMap = target(owner(JavaClass.Predicates.type(java.util.Set.class)
                .or(JavaClass.Predicates.type(java.util.Map.class))));
        DescribedPredicate<JavaCall<?>> factory = target(name("of").or(name("ofEntries")).or(name("copyOf")));
        DescribedPredicate<JavaCall<?>> empty = target(rawParameterTypes(new Class<?>[0]));
        return setOrMap.and(factory).and(DescribedPredicate.not(empty))
                .as("call Set.of/Map.of/Map.ofEntries/copyOf with elements");
    }
}

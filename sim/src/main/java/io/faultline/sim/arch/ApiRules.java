package io.faultline.sim.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What each module exports, as ArchUnit rules. faultline does not use JPMS modules: Surefire, the
 * Byteman agent, JMH and tests that share their module's packages all work against the class path,
 * and a {@code module-info.java} per module would fight each of them. Instead every public type of a
 * module carries JUnit's {@code @API(status = ...)} annotation (apiguardian), and these rules keep the
 * annotations true and respected.
 *
 * <p>A class's module is the third part of its package ({@code io.faultline.checker.model} is in
 * {@code checker}). The public API of each module is every package of it except these internal ones,
 * whose public types are {@code @API(status = INTERNAL)} and are public only so that the module's
 * other packages can reach them:
 * <ul>
 *   <li>gen: {@code io.faultline.gen} is all public.</li>
 *   <li>checker: {@code io.faultline.checker} (the entry point {@code Linearizability}), {@code .history},
 *       {@code .io}, {@code .model} (what a {@code Model} implementor uses, {@code Operation} included) and
 *       {@code .log}; internal: {@code .prepare}, {@code .search}, {@code .wgl}, {@code .linear}.</li>
 *   <li>sim: {@code io.faultline.sim}, {@code .client}, {@code .scenario}, {@code .arch} are all public.</li>
 *   <li>faults: {@code io.faultline.faults} and {@code .byteman} (experimental) are public.</li>
 *   <li>models: every public type is EXPERIMENTAL: users meet a model through its catalog's scenarios by name; the Java types are for tests, benchmarks and the conformance module.</li>
 *   <li>serve: {@code io.faultline.serve.s3} and its sub-packages (experimental): the server behind
 *       {@code faultline serve s3}.</li>
 *   <li>report: {@code io.faultline.report}, {@code .history}, {@code .json}, {@code .run}; internal:
 *       {@code .chart}, {@code .html}, {@code .svg}.</li>
 *   <li>junit: {@code io.faultline.junit} is public; its machinery is package-private.</li>
 *   <li>labs: {@code io.faultline.labs}, {@code .grade} and each lab's package (experimental); the
 *       student's API is each lab's package, the grading JVM's entry point is INTERNAL.</li>
 *   <li>cli: {@code io.faultline.cli} ({@code Main}); internal: {@code .run}, {@code .lab}.</li>
 *   <li>conformance: {@code io.faultline.conformance} (experimental).</li>
 * </ul>
 *
 * <pre>{@code
 * @Test
 * void modulesUseOnlyEachOthersPublicApi() {
 *     ApiRules.check("io.faultline");   // throws AssertionError listing violations
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ApiRules {
    /** The packages (with their sub-packages) that are internal to their module. */
    public static final List<String> INTERNAL_PACKAGES = List.of(
            "io.faultline.checker.prepare", "io.faultline.checker.search", "io.faultline.checker.wgl",
            "io.faultline.checker.linear", "io.faultline.report.chart", "io.faultline.report.html",
            "io.faultline.report.svg", "io.faultline.cli.run", "io.faultline.cli.lab");

    /** The modules whose public types must say their status. */
    public static final List<String> ANNOTATED_MODULES = List.of(
            "gen", "checker", "sim", "faults", "models", "serve", "report", "junit", "labs", "cli", "conformance");

    private ApiRules() {
    }

    /** No class uses a type of another module that is internal (by package or by its {@code @API} status). */
    public static ArchRule noUseOfOtherModulesInternals() {
        return classes().that(inAModule()).should(new ArchCondition<JavaClass>("use only the public API of other modules") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = module(origin).orElseThrow();
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<String> to = module(target);
                    if (to.isPresent() && !to.get().equals(from) && isInternal(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + ", which is internal to module " + to.get()));
                    }
                }
            }
        }).because("a module's internal packages and @API(status = INTERNAL) types may change without notice");
    }

    /**
     * Every public top-level type of an annotated module says its status, and a type of an internal
     * package says {@code INTERNAL}.
     */
    public static ArchRule publicTypesSayTheirStatus() {
        return classes().that(inAModule()).and().areTopLevelClasses().and().arePublic()
                .should(new ArchCondition<JavaClass>("carry @API, INTERNAL in an internal package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        if (!ANNOTATED_MODULES.contains(module(c).orElseThrow())) {
                            return;
                        }
                        if (!c.isAnnotatedWith(API.class)) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is public without @API(status = ...)"));
                        } else if (inInternalPackage(c) && status(c) != API.Status.INTERNAL) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is in an internal package but @API(status = "
                                    + status(c) + ")"));
                        }
                    }
                });
    }

    /** Every rule above. */
    public static List<ArchRule> all() {
        return List.of(noUseOfOtherModulesInternals(), publicTypesSayTheirStatus());
    }

    /**
     * Checks every rule against the production classes of {@code packages} (and sub-packages) on the
     * class path, throwing an {@link AssertionError} that lists every violation.
     */
    public static void check(String... packages) {
        check(RuleChecks.production(packages));
    }

    /** Checks every rule against these classes. */
    public static void check(JavaClasses classes) {
        RuleChecks.assertAll(all(), classes);
    }

    /** The module of a faultline class: the third part of its package. */
    static Optional<String> module(JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length >= 3 && parts[0].equals("io") && parts[1].equals("faultline")
                ? Optional.of(parts[2]) : Optional.empty();
    }

    private static boolean isInternal(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return inInternalPackage(top) || (top.isAnnotatedWith(API.class) && status(top) == API.Status.INTERNAL);
    }

    private static boolean inInternalPackage(JavaClass c) {
        String p = c.getPackageName();
        return INTERNAL_PACKAGES.stream().anyMatch(i -> p.equals(i) || p.startsWith(i + "."));
    }

    private static API.Status status(JavaClass c) {
        return c.getAnnotationOfType(API.class).status();
    }

    private static DescribedPredicate<JavaClass> inAModule() {
        return DescribedPredicate.describe("in a faultline module", c -> module(c).isPresent());
    }
}

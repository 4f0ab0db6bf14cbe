package io.faultline.sim.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;

/** Runs a set of rules and fails once with every violation of every rule, for each rule set here. */
final class RuleChecks {
    private RuleChecks() {
    }

    /** The production classes of {@code packages} (and sub-packages) on the class path; never empty. */
    static JavaClasses production(String... packages) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes found in " + String.join(", ", packages));
        }
        return classes;
    }

    /** Throws an {@link AssertionError} listing every violation of every rule. */
    static void assertAll(List<ArchRule> rules, JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}

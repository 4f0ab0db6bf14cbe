package io.faultline.docs.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.faultline.checker.apifixture.Unmarked;
import io.faultline.checker.search.Budget;
import io.faultline.sim.arch.ApiRules;
import org.junit.jupiter.api.Test;

/**
 * The modules use only each other's public API, and every public type says its status (see
 * {@link ApiRules}). Runs here because the docs tests see every module but the CLI, whose own test
 * checks the CLI; the fixtures show that each rule fails on a violation.
 */
class PublicApiTest {

    @Test
    void everyModuleUsesOnlyTheOthersPublicApi() {
        ApiRules.check("io.faultline");
    }

    @Test
    void aClassThatUsesAnotherModulesInternalPackageFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(UsesCheckerInternals.class, Budget.class);
        String report = ApiRules.noUseOfOtherModulesInternals().evaluate(classes).getFailureReport().toString();
        assertTrue(report.contains(Budget.class.getName()) && report.contains("internal to module checker"), report);
        AssertionError e = assertThrows(AssertionError.class, () -> ApiRules.check(classes));
        assertTrue(e.getMessage().contains(UsesCheckerInternals.class.getName()), e.getMessage());
    }

    @Test
    void aPublicTypeWithoutItsStatusFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(Unmarked.class);
        String report = ApiRules.publicTypesSayTheirStatus().evaluate(classes).getFailureReport().toString();
        assertTrue(report.contains(Unmarked.class.getName() + " is public without @API"), report);
    }

    /** A fixture: the docs module reaching into the checker's search machinery. */
    static final class UsesCheckerInternals {
        static Budget budget() {
            return null;
        }
    }
}

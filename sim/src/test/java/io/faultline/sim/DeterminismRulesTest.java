package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import io.faultline.sim.arch.DeterminismRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DeterminismRulesTest {

    @Test
    void theKernelFollowsTheDeterminismRules() {
        DeterminismRules.check("io.faultline.sim");
    }

    /** Deliberate offenders, to prove each rule can fail (imported from test classes directly). */
    static final class Offenders {
        long wallClock() {
            return System.currentTimeMillis() + java.time.Instant.now().getNano();
        }

        double unseeded() {
            return Math.random() + new java.util.Random().nextInt();
        }

        void thread() {
            new Thread(() -> { }).start();
        }

        Map<String, Integer> hashMap() {
            return new HashMap<>();
        }

        List<Integer> salted() {
            return new ArrayList<>(Set.of(1, 2, 3));
        }
    }

    @Test
    void everyRuleCatchesItsOffender() {
        JavaClasses offenders = new ClassFileImporter().importClasses(Offenders.class);
        for (ArchRule rule : DeterminismRules.all()) {
            AssertionError e = assertThrows(AssertionError.class, () -> rule.check(offenders), rule.getDescription());
            assertTrue(e.getMessage().contains("Offenders"), e.getMessage());
        }
    }

    @Test
    void emptySetOfIsAllowed() {
        JavaClasses ok = new ClassFileImporter().importClasses(Allowed.class);
        DeterminismRules.noHashOrder().check(ok);
    }

    static final class Allowed {
        Set<String> none() {
            return Set.of();
        }
    }
}

package io.faultline.models.s3.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FIDELITY A8, A9.1 and A9.2, one test per rule. */
class TransitionRulesTest {
    private static Validation check(LifecycleRule r) {
        return LifecycleValidation.validate(List.of(r));
    }

    private static LifecycleRule rule() {
        return LifecycleRule.forPrefix("r", "");
    }

    @Test
    void theWaterfallNeverGoesBackToStandardAndAlwaysReachesDeepArchive() { // A9.1
        for (StorageClass from : StorageClass.values()) {
            assertFalse(Transitions.allowed(from, StorageClass.STANDARD), from.name());
            if (from != StorageClass.DEEP_ARCHIVE) {
                assertTrue(Transitions.allowed(from, StorageClass.DEEP_ARCHIVE), from.name());
            }
        }
    }

    @Test
    void theWaterfallMatchesTheTableRowByRow() { // A9.1
        assertTrue(Transitions.allowed(StorageClass.STANDARD_IA, StorageClass.INTELLIGENT_TIERING));
        assertFalse(Transitions.allowed(StorageClass.INTELLIGENT_TIERING, StorageClass.STANDARD_IA));
        assertTrue(Transitions.allowed(StorageClass.INTELLIGENT_TIERING, StorageClass.ONEZONE_IA));
        assertFalse(Transitions.allowed(StorageClass.ONEZONE_IA, StorageClass.GLACIER_IR));
        assertTrue(Transitions.allowed(StorageClass.ONEZONE_IA, StorageClass.GLACIER));
        assertFalse(Transitions.allowed(StorageClass.GLACIER_IR, StorageClass.ONEZONE_IA));
        assertFalse(Transitions.allowed(StorageClass.GLACIER, StorageClass.GLACIER_IR));
        assertFalse(Transitions.allowed(StorageClass.DEEP_ARCHIVE, StorageClass.GLACIER));
    }

    @Test
    void aTransitionToStandardIaBefore30DaysIsRejected() { // A9.2
        Validation v = check(rule().transition(29, StorageClass.STANDARD_IA));
        assertInstanceOf(Validation.Invalid.class, v);
        assertEquals("InvalidArgument", ((Validation.Invalid) v).code());
        assertInstanceOf(Validation.Invalid.class, check(rule().transition(1, StorageClass.ONEZONE_IA)));
        assertInstanceOf(Validation.Invalid.class, check(rule().noncurrentTransition(10, StorageClass.STANDARD_IA)));
        assertInstanceOf(Validation.Valid.class, check(rule().transition(30, StorageClass.STANDARD_IA)));
    }

    @Test
    void glacierFewerThan30DaysAfterStandardIaInOneRuleIsRejected() { // A9.2
        assertInstanceOf(Validation.Invalid.class,
                check(rule().transition(30, StorageClass.STANDARD_IA).transition(59, StorageClass.GLACIER)));
        assertInstanceOf(Validation.Invalid.class,
                check(rule().transition(30, StorageClass.STANDARD_IA).transition(40, StorageClass.ONEZONE_IA)));
        assertInstanceOf(Validation.Valid.class,
                check(rule().transition(30, StorageClass.STANDARD_IA).transition(60, StorageClass.GLACIER)));
        assertInstanceOf(Validation.Valid.class, check(rule().transition(0, StorageClass.GLACIER)));
    }

    @Test
    void transitionsInOneRuleMustFollowTheWaterfall() { // A9.1
        assertInstanceOf(Validation.Invalid.class,
                check(rule().transition(30, StorageClass.GLACIER).transition(90, StorageClass.GLACIER_IR)));
        assertInstanceOf(Validation.Invalid.class, check(rule().transition(30, StorageClass.STANDARD)));
    }

    @Test
    void expirationMustComeAfterTransitionsAndRuleIdsAreUnique() { // A9.3 ([U] ordering)
        assertInstanceOf(Validation.Invalid.class,
                check(rule().transition(90, StorageClass.GLACIER).expiration(90)));
        assertInstanceOf(Validation.Invalid.class, LifecycleValidation.validate(
                List.of(rule().expiration(5), rule().expiration(6))));
        assertInstanceOf(Validation.Invalid.class, check(rule()));
    }

    @Test
    void billableSizesFollowTheClassMinimumsAndArchiveOverhead() { // A8
        assertEquals(128 * 1024, StorageClass.STANDARD_IA.billableBytes(1000));
        assertEquals(1000, StorageClass.STANDARD.billableBytes(1000));
        assertEquals(1000 + 32 * 1024, StorageClass.GLACIER.billableBytes(1000));
        assertEquals(8 * 1024, StorageClass.DEEP_ARCHIVE.standardOverheadBytes());
        assertEquals(180, StorageClass.DEEP_ARCHIVE.minStorageDays());
        assertEquals(90, StorageClass.GLACIER_IR.minStorageDays());
    }
}

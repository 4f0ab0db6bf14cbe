package io.faultline.models.s3.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A10.1 and A10.2, one test per rule. */
class RestoreRulesTest {
    private static final long D = Simulation.DAYS;
    private static final long H = Simulation.HOURS;
    private final Rng rng = new Rng(7);

    private RestoreAnswer request(StorageClass c, RestoreState s, long now, int days, RestoreTier t) {
        return Restores.request(c, s, now, days, t, true, rng);
    }

    @Test
    void aGetBeforeARestoreIsRefusedOnlyForArchiveClasses() { // A10.2
        assertFalse(Restores.canGet(StorageClass.GLACIER, RestoreState.NONE, 0));
        assertFalse(Restores.canGet(StorageClass.DEEP_ARCHIVE, RestoreState.NONE, 0));
        assertTrue(Restores.canGet(StorageClass.GLACIER_IR, RestoreState.NONE, 0));
        assertTrue(Restores.canGet(StorageClass.STANDARD_IA, RestoreState.NONE, 0));
    }

    @Test
    void restoreAnswers202Then409WhileInProgressThen200() { // A10.2
        RestoreAnswer first = request(StorageClass.GLACIER, RestoreState.NONE, 0, 3, RestoreTier.STANDARD);
        assertEquals(202, first.status());
        RestoreState.Ongoing o = (RestoreState.Ongoing) first.state();
        assertTrue(o.completeNanos() >= 3 * H && o.completeNanos() <= 5 * H, "A10.1 window");
        RestoreAnswer again = request(StorageClass.GLACIER, first.state(), H, 3, RestoreTier.STANDARD);
        assertEquals(409, again.status());
        assertEquals(Optional.of("RestoreAlreadyInProgress"), again.code());
        assertFalse(Restores.canGet(StorageClass.GLACIER, first.state(), H));
        assertTrue(Restores.canGet(StorageClass.GLACIER, first.state(), 5 * H));
        assertEquals(200, request(StorageClass.GLACIER, first.state(), 6 * H, 3, RestoreTier.STANDARD).status());
    }

    @Test
    void theTemporaryCopyExpiresAtTheMidnightAfterItsDays() { // A10.2: 10:30 + 3 days -> 4th midnight
        long now = 10 * H + 30 * Simulation.MINUTES;
        RestoreState s = request(StorageClass.GLACIER, RestoreState.NONE, now, 3, RestoreTier.EXPEDITED).state();
        assertTrue(Restores.canGet(StorageClass.GLACIER, s, 4 * D - 1));
        assertFalse(Restores.canGet(StorageClass.GLACIER, s, 4 * D));
        assertEquals(RestoreState.NONE, Restores.settle(s, 4 * D));
    }

    @Test
    void aRepeatWithOtherDaysUpdatesTheExpiry() { // A10.2: Days=1 asked on day 1 at 11:00 -> day 3 midnight
        RestoreState s = request(StorageClass.GLACIER, RestoreState.NONE, 10 * H, 3, RestoreTier.EXPEDITED).state();
        RestoreAnswer update = request(StorageClass.GLACIER, s, D + 11 * H, 1, RestoreTier.STANDARD);
        assertEquals(200, update.status());
        assertEquals(new RestoreState.Restored(3 * D), update.state());
    }

    @Test
    void aFasterTierSpeedsUpARestoreInProgress() { // A10.2 speed upgrade
        RestoreState bulk = request(StorageClass.GLACIER, RestoreState.NONE, 0, 2, RestoreTier.BULK).state();
        RestoreAnswer faster = request(StorageClass.GLACIER, bulk, H, 2, RestoreTier.EXPEDITED);
        assertEquals(202, faster.status());
        assertTrue(((RestoreState.Ongoing) faster.state()).completeNanos() <= H + 5 * Simulation.MINUTES);
        RestoreAnswer slower = request(StorageClass.GLACIER, faster.state(), H + 1, 2, RestoreTier.BULK);
        assertEquals(409, slower.status(), "a restore cannot be slowed down");
    }

    @Test
    void deepArchiveHasNoExpeditedAndItsWindowsAre12And48Hours() { // A10.1
        assertEquals(400, request(StorageClass.DEEP_ARCHIVE, RestoreState.NONE, 0, 1, RestoreTier.EXPEDITED).status());
        RestoreState.Ongoing bulk = (RestoreState.Ongoing) request(StorageClass.DEEP_ARCHIVE, RestoreState.NONE, 0, 1,
                RestoreTier.BULK).state();
        assertTrue(bulk.completeNanos() <= 48 * H);
        RestoreState.Ongoing std = (RestoreState.Ongoing) request(StorageClass.DEEP_ARCHIVE, RestoreState.NONE, 0, 1,
                RestoreTier.STANDARD).state();
        assertTrue(std.completeNanos() <= 12 * H);
    }

    @Test
    void restoringANonArchivedObjectIsInvalidObjectState() { // A10.2
        RestoreAnswer a = request(StorageClass.STANDARD_IA, RestoreState.NONE, 0, 1, RestoreTier.STANDARD);
        assertEquals(403, a.status());
        assertEquals(Optional.of("InvalidObjectState"), a.code());
    }

    @Test
    void expeditedWithoutCapacityIs503() { // A10.2
        RestoreAnswer a = Restores.request(StorageClass.GLACIER, RestoreState.NONE, 0, 1, RestoreTier.EXPEDITED, false, rng);
        assertEquals(503, a.status());
        assertEquals(Optional.of("GlacierExpeditedRetrievalNotAvailable"), a.code());
        assertEquals(202, Restores.request(StorageClass.GLACIER, RestoreState.NONE, 0, 1, RestoreTier.STANDARD, false, rng)
                .status(), "only Expedited depends on capacity");
    }

    @Test
    void theRestoreHeaderShowsOngoingThenTheExpiryDate() { // A10.2 x-amz-restore
        RestoreState s = request(StorageClass.GLACIER, RestoreState.NONE, 10 * H, 3, RestoreTier.STANDARD).state();
        assertEquals(Optional.of("ongoing-request=\"true\""), Restores.header(s, 11 * H));
        assertEquals(Optional.of("ongoing-request=\"false\", expiry-date=\"Mon, 05 Jan 2026 00:00:00 GMT\""),
                Restores.header(s, D));
        assertEquals(Optional.empty(), Restores.header(s, 4 * D));
    }
}

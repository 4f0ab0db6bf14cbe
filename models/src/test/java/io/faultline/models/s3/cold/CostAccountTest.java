package io.faultline.models.s3.cold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.sim.Simulation;
import org.junit.jupiter.api.Test;

/** FIDELITY A8 billing rules. */
class CostAccountTest {
    private static final long D = Simulation.DAYS;
    private static final long GB = 1L << 30;
    private static final double MONTHS_PER_DAY = 24.0 / 730;

    @Test
    void storageIsBilledPerClassOverVirtualTime() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.enter("k", StorageClass.STANDARD, GB, 0);
        bill.transition("k", StorageClass.STANDARD_IA, 30 * D);
        bill.closeAt(60 * D);
        assertEquals(30 * MONTHS_PER_DAY, bill.gbMonths(StorageClass.STANDARD), 1e-9);
        assertEquals(30 * MONTHS_PER_DAY, bill.gbMonths(StorageClass.STANDARD_IA), 1e-9);
        assertEquals(30 * MONTHS_PER_DAY * (0.023 + 0.0125) + 0.01 / 1000, bill.totalUsd(), 1e-9,
                "storage, plus one lifecycle transition request into STANDARD_IA");
    }

    @Test
    void aYearsClosingDoesNotRestartTheMinimumDuration() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.enter("k", StorageClass.GLACIER, GB, 0);
        bill.closeAt(365 * D);
        bill.leave("k", 366 * D);
        assertEquals(0, bill.earlyGbMonths(StorageClass.GLACIER), "stored 366 days: no early deletion");
    }

    @Test
    void writeAndTransitionRequestsAreBilledPerThousandPerClass() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1.withWriteRequests(StorageClass.GLACIER, 2.0)
                .withTransitionRequests(StorageClass.DEEP_ARCHIVE, 4.0));
        bill.write(StorageClass.GLACIER);
        bill.write(StorageClass.GLACIER);
        bill.transition("absent", StorageClass.DEEP_ARCHIVE, D);
        assertEquals(2 * 2.0 / 1000 + 4.0 / 1000, bill.totalUsd(), 1e-12);
    }

    @Test
    void aRestoredCopyIsBilledAtStandardsRateUntilItsExpiryOrTheObjectsDeletion() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.enter("k", StorageClass.GLACIER, GB, 0);
        bill.restoredCopy("k", GB, 100 * D, 110 * D);
        bill.restoredCopy("k", GB, 105 * D, 120 * D);      // RestoreObject again: a new expiry, the same copy
        bill.closeAt(115 * D);
        assertEquals(15 * MONTHS_PER_DAY, bill.restoredCopyGbMonths(), 1e-9, "so far");
        bill.closeAt(200 * D);
        assertEquals(20 * MONTHS_PER_DAY, bill.restoredCopyGbMonths(), 1e-9, "until the expiry");
        bill.restoredCopy("k", GB, 300 * D, 310 * D);      // a new restore after the copy expired
        bill.leave("k", 302 * D);
        bill.closeAt(400 * D);
        assertEquals(22 * MONTHS_PER_DAY, bill.restoredCopyGbMonths(), 1e-9, "the second copy ends with the object");
    }

    @Test
    void deletingBeforeTheMinimumDurationIsChargedForTheRest() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.enter("k", StorageClass.GLACIER, GB, 0);
        bill.leave("k", 10 * D);
        double overheadGb = 32.0 * 1024 / GB;
        assertEquals(80 * MONTHS_PER_DAY * (1 + overheadGb), bill.earlyGbMonths(StorageClass.GLACIER), 1e-9);
        CostAccount late = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        late.enter("k", StorageClass.GLACIER, GB, 0);
        late.leave("k", 100 * D);
        assertEquals(0, late.earlyGbMonths(StorageClass.GLACIER));
    }

    @Test
    void smallIaObjectsAreBilledAt128Kb() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.enter("k", StorageClass.STANDARD_IA, 1000, 0);
        bill.closeAt(730 * Simulation.HOURS);
        assertEquals(128.0 * 1024 / GB, bill.gbMonths(StorageClass.STANDARD_IA), 1e-12);
    }

    @Test
    void restoresAreChargedPerRequestAndPerGb() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        bill.restore(StorageClass.GLACIER, RestoreTier.EXPEDITED, GB);
        bill.restore(StorageClass.GLACIER, RestoreTier.STANDARD, GB);
        assertEquals(10.0 / 1000 + 0.03 + 0.05 / 1000 + 0.01, bill.totalUsd(), 1e-12);
    }

    @Test
    void pricesCanBeOverridden() {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1.withStorage(StorageClass.STANDARD, 1.0));
        bill.enter("k", StorageClass.STANDARD, GB, 0);
        bill.closeAt(730 * Simulation.HOURS);
        assertEquals(1.0, bill.totalUsd(), 1e-9);
    }
}

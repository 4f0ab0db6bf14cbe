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
        assertEquals(30 * MONTHS_PER_DAY * (0.023 + 0.0125), bill.totalUsd(), 1e-9);
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

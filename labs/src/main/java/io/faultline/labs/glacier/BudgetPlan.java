package io.faultline.labs.glacier;

import io.faultline.models.common.CompletionWindow;
import io.faultline.models.s3.cold.CostAccount;
import io.faultline.models.s3.cold.PriceTable;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.UtcTime;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bill the cost test measures an archiver against, worked out from the seed's workload alone:
 * each object stays in STANDARD through its hot month and moves at the next midnight to the
 * cheapest class whose restores can meet its cold notice; each later read is restored when it is
 * announced, at the cheapest tier that meets its notice, for just enough days to cover the deadline.
 * An online archiver can match it (the plan uses only what the owner promised), so an archiver
 * that pays more than {@link ArchiveRun#COST_SLACK} times this bill is wasting money.
 */
final class BudgetPlan {
    /** Classes from the cheapest to store, and tiers from the cheapest to restore (FIDELITY A8, A10.1). */
    private static final List<StorageClass> CHEAPEST_FIRST = List.of(StorageClass.DEEP_ARCHIVE, StorageClass.GLACIER);
    private static final List<RestoreTier> SLOWEST_FIRST = List.of(RestoreTier.BULK, RestoreTier.STANDARD, RestoreTier.EXPEDITED);

    private BudgetPlan() {
    }

    static double usd(YearWorkload w) {
        CostAccount bill = new CostAccount(PriceTable.EXAMPLE_US_EAST_1);
        TreeMap<String, StoredObject> byKey = new TreeMap<>();
        TreeMap<String, StorageClass> cold = new TreeMap<>();
        for (StoredObject o : w.objects()) {
            byKey.put(o.key(), o);
            bill.enter(o.key(), StorageClass.STANDARD, o.sizeBytes(), o.writtenAt());
            bill.write(StorageClass.STANDARD);
            StorageClass c = coldClass(o.coldNotice());
            cold.put(o.key(), c);
            if (c != StorageClass.STANDARD) {
                bill.transition(o.key(), c, UtcTime.nextMidnight(o.writtenAt() + ArchiveRun.HOT));
            }
        }
        for (YearWorkload.Announced a : w.reads()) {
            StoredObject o = byKey.get(a.read().key());
            StorageClass c = cold.get(o.key());
            long notice = a.read().deadline() - a.at();
            if (a.at() < o.writtenAt() + ArchiveRun.HOT || c == StorageClass.STANDARD) {
                continue;
            }
            RestoreTier t = tier(c, notice).orElseThrow();
            bill.restore(c, t, o.sizeBytes());
            bill.restoredCopy(o.key(), o.sizeBytes(), a.at() + t.window(c).orElseThrow().maxNanos(),
                    UtcTime.dueAfterDays(a.at(), days(notice)));
        }
        bill.closeAt(ArchiveRun.YEAR);
        return bill.totalUsd();
    }

    /** The cheapest class to store an object whose reads come with {@code notice}. */
    static StorageClass coldClass(long notice) {
        for (StorageClass c : CHEAPEST_FIRST) {
            if (tier(c, notice).isPresent()) {
                return c;
            }
        }
        return StorageClass.STANDARD;
    }

    /** The cheapest tier of class {@code c} whose slowest restore still completes within {@code notice}. */
    static Optional<RestoreTier> tier(StorageClass c, long notice) {
        for (RestoreTier t : SLOWEST_FIRST) {
            Optional<CompletionWindow> w = t.window(c);
            if (w.isPresent() && w.get().maxNanos() <= notice) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Restore days whose expiry falls after a deadline {@code notice} away. */
    static int days(long notice) {
        return (int) ((notice + Simulation.DAYS - 1) / Simulation.DAYS);
    }
}

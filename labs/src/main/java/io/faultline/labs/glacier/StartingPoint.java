package io.faultline.labs.glacier;

import io.faultline.faults.Trial;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The failure lab 3 starts from, for its docs chapter: the bucket of a seed's year under the usual
 * blanket lifecycle rule, everything to GLACIER 30 days after it was written, and nothing else.
 * The first read after the move finds the object archived, and no restore under way.
 *
 * <pre>{@code
 * StartingPoint.Year y = StartingPoint.run(0);
 * y.reads().stream().filter(r -> !r.served()).findFirst();   // a read of an archived object
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StartingPoint {
    /** A read at its deadline: the object's class then, and whether the GET succeeded. */
    public record Read(ReadRequest read, StorageClass storageClass, boolean served) {
    }

    /**
     * The year: every read in deadline order, the bill and the budget plan's bill.
     *
     * @param reads     every read
     * @param billUsd   what the year cost
     * @param budgetUsd the budget plan's bill for the same workload
     */
    public record Year(List<Read> reads, double billUsd, double budgetUsd) {
        public Year {
            reads = List.copyOf(reads);
        }
    }

    private StartingPoint() {
    }

    /** Seed {@code seed}'s year under the blanket rule. */
    public static Year run(long seed) {
        Trial trial = new Trial("glacier-archiver/blanket-rule", seed);
        ArchiveRun run = ArchiveRun.start(trial, BlanketRule::new);
        trial.execute();
        return run.year();
    }

    /** The blanket rule as an archiver: at each midnight, objects 30 days old go to GLACIER. */
    private static final class BlanketRule implements Archiver {
        private final ColdBucket bucket;
        private final TreeMap<String, Long> written = new TreeMap<>();

        BlanketRule(ColdBucket bucket) {
            this.bucket = bucket;
        }

        @Override
        public void stored(StoredObject object) {
            written.put(object.key(), object.writtenAt());
        }

        @Override
        public void announced(ReadRequest read) {
            // the rule knows nothing of reads
        }

        @Override
        public void midnight() {
            for (var e : written.entrySet()) {
                if (bucket.now() - e.getValue() >= 30 * Simulation.DAYS) {
                    bucket.transition(e.getKey(), StorageClass.GLACIER);
                }
            }
        }
    }
}

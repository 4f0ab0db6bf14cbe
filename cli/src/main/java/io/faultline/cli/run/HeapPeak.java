package io.faultline.cli.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap one run needed, estimated from the JVM's heap pools: their peaks are reset before the run
 * and summed after it. Garbage not yet collected counts, and the pools may peak at different
 * moments, so this is an upper bound for this collector and heap size, not the live set. Only for
 * a run alone in its JVM: the runs of a sweep share the heap, so a sweep measures none.
 */
final class HeapPeak {
    private HeapPeak() {
    }

    /** Starts measuring: every heap pool's peak becomes its current occupancy. */
    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #reset()}, in bytes. */
    static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

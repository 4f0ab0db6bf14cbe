package io.faultline.labs.glacier;

import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * One seed's year: the objects written in the first month, and their reads. A read in an object's
 * first {@link ArchiveRun#HOT} is announced at its deadline (fresh data is read at once); later
 * reads come with the object's cold notice, at least a week apart, until the year's end.
 *
 * @param objects the objects, in write order
 * @param reads   every read with its announcement time
 */
record YearWorkload(List<StoredObject> objects, List<Announced> reads) {
    /** A read announced at {@code at}. */
    record Announced(long at, ReadRequest read) {
    }

    static final int OBJECTS = 12;
    static final long GIB = 1L << 30;
    /** The cold notices an owner may promise: minutes, hours, days. */
    static final List<Long> NOTICES = List.of(10 * Simulation.MINUTES, 6 * Simulation.HOURS, 50 * Simulation.HOURS);
    private static final int HOT_READS = 4;
    /** Cold reads fall in this many slices of the rest of the year, at most one each: a week at least apart. */
    private static final int COLD_SLICES = 3;

    YearWorkload {
        objects = List.copyOf(objects);
        reads = List.copyOf(reads);
    }

    static YearWorkload draw(Rng rng) {
        List<StoredObject> objects = new ArrayList<>();
        List<Announced> reads = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            long written = rng.uniform(Simulation.HOURS, 30 * Simulation.DAYS);
            long notice = NOTICES.get(i % NOTICES.size());
            // most bytes are records kept for compliance, read rarely and with days of notice
            long size = notice >= Simulation.DAYS ? (16 + rng.nextInt(49)) * GIB : (1 + rng.nextInt(8)) * GIB;
            StoredObject o = new StoredObject(String.format("logs/%02d", i), size, written, notice);
            objects.add(o);
            for (int r = 0; r < HOT_READS; r++) {
                long t = written + rng.uniform(Simulation.MINUTES, ArchiveRun.HOT - Simulation.DAYS);
                reads.add(new Announced(t, new ReadRequest(o.key(), t)));
            }
            long coldStart = written + ArchiveRun.HOT + 10 * Simulation.DAYS;
            long slice = (ArchiveRun.YEAR - Simulation.DAYS - coldStart) / COLD_SLICES;
            for (int s = 0; s < COLD_SLICES; s++) {
                if (rng.chance(0.6)) {
                    long deadline = coldStart + s * slice + rng.uniform(0, slice - 7 * Simulation.DAYS);
                    reads.add(new Announced(deadline - o.coldNotice(), new ReadRequest(o.key(), deadline)));
                }
            }
        }
        return new YearWorkload(objects, reads);
    }
}

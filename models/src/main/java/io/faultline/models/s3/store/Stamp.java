package io.faultline.models.s3.store;

import java.util.Comparator;
import org.apiguardian.api.API;

/**
 * The timestamp of a write, which decides last-writer-wins (FIDELITY A1.2 rule 4, A1.3 "Concurrent
 * writers": "the request with the latest timestamp wins"). Ordered by time, then by the writer that
 * issued it, then by that writer's sequence number, so two distinct writes never tie.
 *
 * <pre>{@code
 * Stamp a = new Stamp(1_000, 0, 7);
 * Stamp b = a.next(2);      // strictly greater than a, issued by writer 2
 * }</pre>
 *
 * @param time   server time in virtual nanoseconds when the write was stamped
 * @param writer the id of the front-end that stamped it
 * @param seq    that front-end's sequence number
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Stamp(long time, int writer, long seq) implements Comparable<Stamp> {
    /** Smaller than every stamp a write gets. */
    public static final Stamp ZERO = new Stamp(Long.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    private static final Comparator<Stamp> ORDER = Comparator.comparingLong(Stamp::time)
            .thenComparingInt(Stamp::writer).thenComparingLong(Stamp::seq);

    @Override
    public int compareTo(Stamp o) {
        return ORDER.compare(this, o);
    }

    public boolean after(Stamp o) {
        return compareTo(o) > 0;
    }

    /** A stamp strictly after this one, by {@code writer}. */
    public Stamp next(int writer) {
        return new Stamp(time + 1, writer, 0);
    }

    public static Stamp max(Stamp a, Stamp b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

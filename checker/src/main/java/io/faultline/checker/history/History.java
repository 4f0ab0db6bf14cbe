package io.faultline.checker.history;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * An ordered, immutable list of {@link Op}s as clients saw them. Indices are renumbered from 0 in
 * order, so that {@code history.get(i).index() == i}. A recorded history ({@link HistoryBuilder})
 * keeps its ops encoded and decodes them when read, so {@code get(i)} twice may give two equal
 * {@code Op} objects, not the same one.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class History implements Iterable<Op> {
    private final List<Op> ops;

    private History(List<Op> ops) {
        this.ops = ops;
    }

    /** A history of these ops, in this order, renumbered from 0. */
    public static History of(List<Op> ops) {
        List<Op> copy = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            copy.add(op.index() == i ? op : op.withIndex(i));
        }
        return new History(List.copyOf(copy));
    }

    /** A history over ops already numbered from 0 and immutable (a {@link HistoryBuilder}'s). */
    static History ofNumbered(List<Op> ops) {
        return new History(ops);
    }

    /**
     * The ops {@code keep} accepts, renumbered from 0. Only their positions are copied: the ops are
     * read through from this history when read, so a recorded history stays encoded.
     */
    public History filter(Predicate<Op> keep) {
        int[] at = new int[16];
        int n = 0;
        for (int i = 0; i < ops.size(); i++) {
            if (keep.test(ops.get(i))) {
                if (n == at.length) {
                    at = Arrays.copyOf(at, 2 * n);
                }
                at[n++] = i;
            }
        }
        return new History(new Kept(ops, Arrays.copyOf(at, n)));
    }

    /** The ops of {@code all} at positions {@code at}, renumbered from 0. */
    private static final class Kept extends AbstractList<Op> implements RandomAccess {
        private final List<Op> all;
        private final int[] at;

        Kept(List<Op> all, int[] at) {
            this.all = all;
            this.at = at;
        }

        @Override
        public Op get(int index) {
            Op op = all.get(at[index]);
            return op.index() == index ? op : op.withIndex(index);
        }

        @Override
        public int size() {
            return at.length;
        }
    }

    public static History empty() {
        return new History(List.of());
    }

    public List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    public Op get(int index) {
        return ops.get(index);
    }

    @Override
    public Iterator<Op> iterator() {
        return ops.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.ops.equals(ops);
    }

    @Override
    public int hashCode() {
        return ops.hashCode();
    }

    @Override
    public String toString() {
        return "History" + ops;
    }
}

package io.faultline.checker.log;

import java.util.Arrays;

/**
 * A growable list of {@code long}s: op ranks and positions kept as numbers rather than as boxed
 * values or ops, so that an online check's indexes cost a few bytes a record (issue 18).
 */
final class Longs {
    private long[] items = new long[2];
    private int size;

    void add(long v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, 2 * size);
        }
        items[size++] = v;
    }

    long get(int i) {
        return items[i];
    }

    int size() {
        return size;
    }

    long first() {
        return items[0];
    }
}

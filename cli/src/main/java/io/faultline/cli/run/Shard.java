package io.faultline.cli.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.faultline.cli.ExitCodes;

/**
 * {@code sweep --shard I/N}: the I-th of N disjoint, contiguous ranges that together cover a sweep's
 * seeds. Contiguous ranges keep each shard's output in seed order, so merging is concatenating the
 * shards in index order. Shard I of seeds S..S+T-1 runs seeds S + floor(I*T/N) up to (excluding)
 * S + floor((I+1)*T/N): the sizes differ by at most one.
 */
record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    /** The whole sweep as one shard. */
    static final Shard WHOLE = new Shard(0, 1);

    /** Parses {@code I/N}; bad input names the spec and what is allowed. */
    static Shard parse(String spec) {
        Matcher m = FORM.matcher(spec.strip());
        if (!m.matches()) {
            throw new ExitCodes.BadInput("--shard " + spec + ": expected I/N, e.g. 0/4 (the I-th of N shards, counted from 0)");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1) {
            throw new ExitCodes.BadInput("--shard " + spec + ": N must be at least 1");
        }
        if (index >= count) {
            throw new ExitCodes.BadInput("--shard " + spec + ": I must be from 0 to " + (count - 1) + " (shards are counted from 0)");
        }
        return new Shard(index, count);
    }

    /** The first seed of this shard within a sweep of {@code seeds} seeds from {@code from}. */
    long first(long from, int seeds) {
        return from + offset(index, seeds);
    }

    /** How many seeds this shard runs. */
    int size(int seeds) {
        return (int) (offset(index + 1, seeds) - offset(index, seeds));
    }

    private long offset(int i, int seeds) {
        return (long) i * seeds / count;
    }

    boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

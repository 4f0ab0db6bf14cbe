package io.faultline.checker.linear;

import java.util.Arrays;

/**
 * One configuration: the interned model state and the set of called, not yet returned operations
 * already linearized; equal configurations are the same for the search whatever their path, which
 * is kept only to report a linearization.
 */
final class Config {
    final int state;
    final long[] linearized;
    final Path path;
    private final int hash;

    Config(int state, long[] linearized, Path path) {
        this.state = state;
        this.linearized = linearized;
        this.path = path;
        this.hash = 31 * Arrays.hashCode(linearized) + state;
    }

    boolean has(int op) {
        return (linearized[op >>> 6] & (1L << op)) != 0;
    }

    Config with(int op, int newState) {
        long[] bits = linearized.clone();
        bits[op >>> 6] |= 1L << op;
        return new Config(newState, bits, new Path(op, path));
    }

    Config without(int op) {
        long[] bits = linearized.clone();
        bits[op >>> 6] &= ~(1L << op);
        return new Config(state, bits, path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && c.hash == hash && c.state == state
                && Arrays.equals(c.linearized, linearized);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A linearization order as a persistent list, newest first. */
    static final class Path {
        final int op;
        final Path prev;
        final int length;

        Path(int op, Path prev) {
            this.op = op;
            this.prev = prev;
            this.length = prev == null ? 1 : prev.length + 1;
        }
    }
}

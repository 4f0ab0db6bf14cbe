package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;

import java.util.Arrays;

/**
 * The completions of the log ops ({@code :send}, {@code :poll}, {@code :txn}) seen so far, by position
 * in the history: their outcome, process and function, in primitive arrays (about 10 bytes an op), so
 * that the Kafka checks can ask about an op by its position without keeping it (issue 18).
 */
final class OpTable {
    static final byte SEND = 0;
    static final byte POLL = 1;
    static final byte TXN = 2;
    private static final OpType[] TYPES = OpType.values();

    private int[] positions = new int[64];
    private byte[] types = new byte[64];
    private byte[] fs = new byte[64];
    private int[] processes = new int[64];
    private int size;

    /** Appends a completion of a log op; positions come in increasing order. */
    void add(Op op) {
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, 2 * size);
            types = Arrays.copyOf(types, 2 * size);
            fs = Arrays.copyOf(fs, 2 * size);
            processes = Arrays.copyOf(processes, 2 * size);
        }
        positions[size] = (int) op.index();
        types[size] = (byte) op.type().ordinal();
        fs[size] = op.f().equals(KafkaOps.SEND) ? SEND : op.f().equals(KafkaOps.POLL) ? POLL : TXN;
        processes[size] = op.process();
        size++;
    }

    int size() {
        return size;
    }

    /** The position in the history of the {@code row}-th log completion. */
    int position(int row) {
        return positions[row];
    }

    OpType type(int row) {
        return TYPES[types[row]];
    }

    byte f(int row) {
        return fs[row];
    }

    int process(int row) {
        return processes[row];
    }

    /** The row of the log completion at history position {@code position}, or -1. */
    int row(int position) {
        int i = Arrays.binarySearch(positions, 0, size, position);
        return i < 0 ? -1 : i;
    }
}

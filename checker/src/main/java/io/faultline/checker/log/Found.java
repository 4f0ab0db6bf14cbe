package io.faultline.checker.log;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An anomaly as the checks find it: its ops named by their positions in the history. Only when
 * every check has spoken are the named ops read back from the history, in one pass in position
 * order, so a long recorded history decodes only the pages those few ops are on (issue 18).
 */
record Found(AnomalyType type, Value key, List<Value> values, String detail, int[] ops) {

    /** A value of a key, and the position of the op that sent or read it. */
    record Candidate(Value key, Value value, int pos) {
    }

    /** Reads the named ops from {@code history} and gives each found anomaly its ops. */
    static List<Anomaly> resolve(List<Found> found, History history) {
        int n = 0;
        for (Found f : found) {
            n += f.ops().length;
        }
        int[] wanted = new int[n];
        int i = 0;
        for (Found f : found) {
            System.arraycopy(f.ops(), 0, wanted, i, f.ops().length);
            i += f.ops().length;
        }
        Arrays.sort(wanted);
        int distinct = 0;
        for (int j = 0; j < wanted.length; j++) {
            if (distinct == 0 || wanted[distinct - 1] != wanted[j]) {
                wanted[distinct++] = wanted[j];
            }
        }
        int[] at = Arrays.copyOf(wanted, distinct);
        Op[] ops = new Op[distinct];
        for (int j = 0; j < distinct; j++) {
            ops[j] = history.get(at[j]);
        }
        List<Anomaly> out = new ArrayList<>(found.size());
        for (Found f : found) {
            List<Op> named = new ArrayList<>(f.ops().length);
            for (int pos : f.ops()) {
                named.add(ops[Arrays.binarySearch(at, pos)]);
            }
            out.add(new Anomaly(f.type(), f.key(), f.values(), f.detail(), named));
        }
        return out;
    }

    /** Positions from a list of them. */
    static int[] positions(List<Integer> ops) {
        int[] out = new int[ops.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ops.get(i);
        }
        return out;
    }
}

package io.faultline.checker.oracle;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

/**
 * A planted episode written after a background history: invocations and completions appended in
 * the order they happen, each later than everything before it.
 */
final class Script {
    private final HistoryBuilder h = new HistoryBuilder();

    Script(History background) {
        for (Op op : background) {
            h.add(op);
        }
    }

    Script invoke(int process, String f, Value value) {
        h.invoke(process, f, value, h.size());
        return this;
    }

    Script complete(int process, OpType type, String f, Value value) {
        h.complete(process, type, f, value, h.size());
        return this;
    }

    /** An op that ends before the next one begins. */
    Script op(int process, OpType type, String f, Value invoked, Value completed) {
        return invoke(process, f, invoked).complete(process, type, f, completed);
    }

    History history() {
        return h.build();
    }
}

package io.faultline.checker.model;

import io.faultline.checker.history.Value;

/** The read rule shared by the register models. */
final class RegisterReads {
    private RegisterReads() {
    }

    /**
     * A read of {@code op.value()} in {@code state}. An indeterminate read is unconstrained; a
     * {@code nil} read is unconstrained when {@code nilIsUnknown} (Knossos), else it means absent.
     */
    static Step<Value> read(Value state, Operation op, boolean nilIsUnknown) {
        Value v = op.value();
        if (op.isIndeterminate() || (nilIsUnknown && v.isNil()) || v.equals(state)) {
            return Step.ok(state);
        }
        return Step.inconsistent(() -> "read " + v + " but the register held " + state);
    }
}

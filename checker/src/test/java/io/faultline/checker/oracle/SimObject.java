package io.faultline.checker.oracle;

import io.faultline.checker.history.Value;
import java.util.Optional;

/**
 * A tiny sequential implementation of one model's object, written independently of the checker's
 * models, that random concurrent executions run against to record histories.
 */
interface SimObject {

    /** An invocation chosen by {@code choice} and {@code arg}: its f and value (nil where the result goes). */
    Invocation invoke(int choice, int arg);

    /** Performs {@code inv} now: the completion value, or empty if it failed (had no effect). */
    Optional<Value> apply(Invocation inv);

    /**
     * The object's state now, as a value: what a read that follows every applied operation sees (a
     * register's value; a map of registers or keys; a mutex's held flag; a set's elements in order;
     * a queue's items, head first).
     */
    Value state();

    /** A wrong completion value for {@code inv} (that the object could not have returned), or the same. */
    Value corrupt(Invocation inv, Value okValue, int arg);

    record Invocation(String f, Value value) {
    }
}

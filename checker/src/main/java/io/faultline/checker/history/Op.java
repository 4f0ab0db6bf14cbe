package io.faultline.checker.history;

import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One event of a history, in Jepsen's vocabulary: process {@code process} invoked (or completed)
 * operation {@code f} with {@code value}.
 *
 * <pre>{@code
 * Op.invoke(0, 3, "write", Value.of(5)).withTime(1_000);
 * Op.ok(1, 3, "write", Value.of(5));
 * }</pre>
 *
 * @param index   position in the history, from 0, unique
 * @param process the client process that issued it (Jepsen's integer process ids)
 * @param type    invoke, ok, fail or info
 * @param f       the operation's function, e.g. {@code read}, {@code write}, {@code cas}
 * @param value   its argument (on invoke) or result (on completion); {@link Value#NIL} if unknown
 * @param time    virtual or wall time of the event in nanoseconds, when recorded
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Op(long index, int process, OpType type, String f, Value value, OptionalLong time) {

    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(time, "time");
    }

    public static Op invoke(long index, int process, String f, Value value) {
        return new Op(index, process, OpType.INVOKE, f, value, OptionalLong.empty());
    }

    public static Op ok(long index, int process, String f, Value value) {
        return new Op(index, process, OpType.OK, f, value, OptionalLong.empty());
    }

    public static Op fail(long index, int process, String f, Value value) {
        return new Op(index, process, OpType.FAIL, f, value, OptionalLong.empty());
    }

    public static Op info(long index, int process, String f, Value value) {
        return new Op(index, process, OpType.INFO, f, value, OptionalLong.empty());
    }

    public Op withTime(long nanos) {
        return new Op(index, process, type, f, value, OptionalLong.of(nanos));
    }

    public Op withIndex(long newIndex) {
        return new Op(newIndex, process, type, f, value, time);
    }

    public Op withValue(Value newValue) {
        return new Op(index, process, type, f, newValue, time);
    }

    @Override
    public String toString() {
        return "{:index " + index + ", :process " + process + ", :type :" + type.keyword()
                + ", :f :" + f + ", :value " + value
                + (time.isPresent() ? ", :time " + time.getAsLong() : "") + "}";
    }
}

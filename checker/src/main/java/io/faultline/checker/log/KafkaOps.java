package io.faultline.checker.log;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Reads and builds the values of Kafka send/poll ops in Jepsen's shape (see the package doc).
 *
 * <pre>{@code
 * Value invoke = KafkaOps.sendInvoke(Value.of(0), Value.of(42));       // [[:send 0 42]]
 * Value ok = KafkaOps.sendOk(Value.of(0), OptionalLong.of(7), Value.of(42)); // [[:send 0 [7 42]]]
 * Value polled = KafkaOps.pollOk(Map.of(Value.of(0), List.of(new KafkaOps.Read(7, Value.of(42)))));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class KafkaOps {
    public static final String SEND = "send";
    public static final String POLL = "poll";
    /** Sends and polls in one Kafka transaction (FIDELITY C12): all its sends commit or none. */
    public static final String TXN = "txn";
    public static final String ASSIGN = "assign";
    public static final String SUBSCRIBE = "subscribe";

    private KafkaOps() {
    }

    /** One send micro-op: value {@code value} to key {@code key}, landing at {@code offset} if known. */
    public record Send(Value key, Value value, OptionalLong offset) {
    }

    /** One record read by a poll: {@code value} at {@code offset}. */
    public record Read(long offset, Value value) {
    }

    /** The sends of an op, in op order; empty for ops that are not send/txn. */
    public static List<Send> sends(Op op) {
        List<Send> out = new ArrayList<>();
        for (Value mop : microOps(op)) {
            List<Value> items = ((Value.Vec) mop).items();
            if (items.size() == 3 && isKw(items.get(0), SEND)) {
                Value k = items.get(1);
                Value v = items.get(2);
                if (v instanceof Value.Vec pair && pair.items().size() == 2) {
                    Value off = pair.items().get(0);
                    out.add(new Send(k, pair.items().get(1),
                            off instanceof Value.Int i ? OptionalLong.of(i.value()) : OptionalLong.empty()));
                } else {
                    out.add(new Send(k, v, OptionalLong.empty()));
                }
            }
        }
        return out;
    }

    /** The records an op polled, per key in first-seen order, each key's reads in op order. */
    public static Map<Value, List<Read>> reads(Op op) {
        Map<Value, List<Read>> out = new LinkedHashMap<>();
        for (Value mop : microOps(op)) {
            List<Value> items = ((Value.Vec) mop).items();
            if (items.size() == 2 && isKw(items.get(0), POLL) && items.get(1) instanceof Value.MapV m) {
                for (Map.Entry<Value, Value> e : m.entries().entrySet()) {
                    List<Read> reads = out.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (e.getValue() instanceof Value.Vec records) {
                        for (Value r : records.items()) {
                            if (r instanceof Value.Vec pair && pair.items().size() == 2
                                    && pair.items().get(0) instanceof Value.Int off) {
                                reads.add(new Read(off.value(), pair.items().get(1)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The keys of an assign or subscribe op. */
    public static List<Value> keys(Op op) {
        return op.value() instanceof Value.Vec v ? v.items() : List.of();
    }

    /** {@code [[:send k v]]}, the value of a send invocation. */
    public static Value sendInvoke(Value key, Value value) {
        return Value.vec(Value.vec(Value.kw(SEND), key, value));
    }

    /** {@code [[:send k [offset v]]]} ({@code offset} nil when unknown), a send completion. */
    public static Value sendOk(Value key, OptionalLong offset, Value value) {
        Value off = offset.isPresent() ? Value.of(offset.getAsLong()) : Value.NIL;
        return Value.vec(Value.vec(Value.kw(SEND), key, Value.vec(off, value)));
    }

    /** {@code [[:poll]]}, the value of a poll invocation. */
    public static Value pollInvoke() {
        return Value.vec(Value.vec(Value.kw(POLL)));
    }

    /** {@code [[:poll {k [[offset v] ...]}]]}, a poll completion. */
    public static Value pollOk(Map<Value, List<Read>> byKey) {
        Map<Value, Value> m = new LinkedHashMap<>();
        for (Map.Entry<Value, List<Read>> e : byKey.entrySet()) {
            List<Value> records = new ArrayList<>();
            for (Read r : e.getValue()) {
                records.add(Value.vec(Value.of(r.offset()), r.value()));
            }
            m.put(e.getKey(), Value.vec(records));
        }
        return Value.vec(Value.vec(Value.kw(POLL), new Value.MapV(m)));
    }

    private static List<Value> microOps(Op op) {
        if (!(op.value() instanceof Value.Vec v)) {
            return List.of();
        }
        List<Value> out = new ArrayList<>();
        for (Value mop : v.items()) {
            if (mop instanceof Value.Vec m && !m.items().isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean isKw(Value v, String name) {
        return v instanceof Value.Kw k && k.name().equals(name);
    }
}

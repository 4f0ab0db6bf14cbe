package io.faultline.checker.log;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Writes hand-made Kafka histories tersely: sends, polls and assigns on integer keys and values. */
final class KafkaHistories {
    private final HistoryBuilder h = new HistoryBuilder();
    private long t;

    KafkaHistories send(int process, long key, long value, long offset) {
        h.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(key), Value.of(value)), t++);
        h.complete(process, OpType.OK, KafkaOps.SEND,
                KafkaOps.sendOk(Value.of(key), OptionalLong.of(offset), Value.of(value)), t++);
        return this;
    }

    KafkaHistories sendFailed(int process, long key, long value) {
        h.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(key), Value.of(value)), t++);
        h.complete(process, OpType.FAIL, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(key), Value.of(value)), t++);
        return this;
    }

    KafkaHistories sendInfo(int process, long key, long value) {
        h.invoke(process, KafkaOps.SEND, KafkaOps.sendInvoke(Value.of(key), Value.of(value)), t++);
        h.complete(process, OpType.INFO, KafkaOps.SEND,
                KafkaOps.sendOk(Value.of(key), OptionalLong.empty(), Value.of(value)), t++);
        return this;
    }

    /** Two sends to one key in a single op. */
    KafkaHistories sendTwo(int process, long key, long v1, long o1, long v2, long o2) {
        h.invoke(process, KafkaOps.SEND, Value.vec(
                Value.vec(Value.kw("send"), Value.of(key), Value.of(v1)),
                Value.vec(Value.kw("send"), Value.of(key), Value.of(v2))), t++);
        h.complete(process, OpType.OK, KafkaOps.SEND, Value.vec(
                Value.vec(Value.kw("send"), Value.of(key), Value.vec(Value.of(o1), Value.of(v1))),
                Value.vec(Value.kw("send"), Value.of(key), Value.vec(Value.of(o2), Value.of(v2)))), t++);
        return this;
    }

    /** An ok poll of one key; records given as offset, value, offset, value, ... */
    KafkaHistories poll(int process, long key, long... offsetValue) {
        List<KafkaOps.Read> reads = new ArrayList<>();
        for (int i = 0; i < offsetValue.length; i += 2) {
            reads.add(new KafkaOps.Read(offsetValue[i], Value.of(offsetValue[i + 1])));
        }
        Map<Value, List<KafkaOps.Read>> m = new LinkedHashMap<>();
        m.put(Value.of(key), reads);
        h.invoke(process, KafkaOps.POLL, KafkaOps.pollInvoke(), t++);
        h.complete(process, OpType.OK, KafkaOps.POLL, KafkaOps.pollOk(m), t++);
        return this;
    }

    KafkaHistories assign(int process, String f, long... keys) {
        List<Value> ks = new ArrayList<>();
        for (long k : keys) {
            ks.add(Value.of(k));
        }
        h.invoke(process, f, Value.vec(ks), t++);
        h.complete(process, OpType.OK, f, Value.vec(ks), t++);
        return this;
    }

    History build() {
        return h.build();
    }
}

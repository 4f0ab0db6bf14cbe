package io.faultline.checker.log;

import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

import java.util.List;
import java.util.Set;

/**
 * One short episode per anomaly kind, played after a random background: either the faulty
 * behaviour that is that anomaly (a broker or consumer doing what Kafka must not), or its benign
 * twin, the nearest history that real concurrency or an unknown outcome explains.
 */
final class KafkaEpisodes {
    private KafkaEpisodes() {
    }

    /** The kinds a planted anomaly of {@code kind} may bring along; each is a consequence of it. */
    static Set<AnomalyType> consequences(AnomalyType kind) {
        switch (kind) {
            case LOST_WRITE:
                // Nobody read the lost value: it is unseen, and readers jumped over its offset.
                return Set.of(AnomalyType.UNSEEN, AnomalyType.INT_POLL_SKIP, AnomalyType.POLL_SKIP);
            case INCONSISTENT_OFFSETS:
                // The overwritten acknowledged value is gone for good.
                return Set.of(AnomalyType.LOST_WRITE, AnomalyType.UNSEEN);
            case DUPLICATE:
                // FIDELITY C10 places a value at its first offset, so reading the second copy counts
                // as going back (a repeated value is int-nonmonotonic-poll by definition), and the
                // next read after it as skipping the second copy.
                return Set.of(AnomalyType.INT_NONMONOTONIC_POLL, AnomalyType.NONMONOTONIC_POLL,
                        AnomalyType.INT_POLL_SKIP, AnomalyType.POLL_SKIP);
            default:
                return Set.of();
        }
    }

    /**
     * Plays the episode of {@code kind} on {@code key}; {@code violate} plants the anomaly, otherwise
     * its benign twin. Returns the value the planted anomaly must name.
     */
    static Value play(KafkaWorld w, AnomalyType kind, int key, boolean violate) {
        switch (kind) {
            case DUPLICATE: {
                // A retried send without idempotence lands twice; the twin's retry outcome is unknown.
                long v = w.freshValue();
                KafkaWorld.Pending p = w.invokeSend(w.freshProcess(), key, v);
                w.applySends(p);
                if (violate) {
                    p.offsets[0] = w.append(key, v);
                }
                w.complete(p, violate ? OpType.OK : OpType.INFO);
                return Value.of(v);
            }
            case INCONSISTENT_OFFSETS:
            case LOST_WRITE:
            case UNSEEN: {
                // An acknowledged send is truncated away (then overwritten, or a hole, or the tail);
                // the twin's send ended info, so it may never have happened.
                long v = w.freshValue();
                KafkaWorld.Pending p = w.invokeSend(w.freshProcess(), key, v);
                w.applySends(p);
                w.complete(p, violate ? OpType.OK : OpType.INFO);
                long at = p.offsets[0];
                if (kind == AnomalyType.INCONSISTENT_OFFSETS) {
                    w.truncate(key, at);
                    sendOk(w, key);
                } else if (kind == AnomalyType.LOST_WRITE) {
                    sendOk(w, key);
                    w.log(key).remove(at);
                } else {
                    w.truncate(key, at);
                }
                return Value.of(v);
            }
            case G1A: {
                // Read although the send definitely failed; the twin's outcome was unknown.
                long v = w.freshValue();
                KafkaWorld.Pending p = w.invokeSend(w.freshProcess(), key, v);
                w.applySends(p);
                w.complete(p, violate ? OpType.FAIL : OpType.INFO);
                return Value.of(v);
            }
            case PRECOMMITTED_READ: {
                // A transaction that sends, then polls its own uncommitted send; the twin polls first.
                int c = w.freshProcess();
                w.assign(c);
                long v = w.freshValue();
                KafkaWorld.Pending p = w.invoke(c, true, violate, List.<long[]>of(new long[] {key, v}));
                if (violate) {
                    w.applySends(p);
                }
                KafkaWorld.read(p, key, w.records(key, 0, Integer.MAX_VALUE));
                if (!violate) {
                    w.applySends(p);
                }
                w.complete(p, OpType.OK);
                return Value.of(v);
            }
            case POLL_SKIP:
            case NONMONOTONIC_POLL: {
                // A consumer's next poll starts past (or before) where its last one ended. The twin:
                // the first poll ended info, and a fresh consumer resumes from a committed offset.
                long v1 = sendOk(w, key);
                long v2 = sendOk(w, key);
                sendOk(w, key);
                int c = w.freshProcess();
                w.assign(c);
                long stop = kind == AnomalyType.POLL_SKIP ? offsetOf(w, key, v1) : offsetOf(w, key, v2);
                KafkaWorld.Pending first = w.invoke(c, true, false, List.of());
                KafkaWorld.read(first, key, w.records(key, 0, count(w, key, 0, stop)));
                w.complete(first, violate ? OpType.OK : OpType.INFO);
                if (!violate && key == 0) {
                    c = w.freshProcess();   // Jepsen's rule; on key 1 the id is reused, as Preparer allows
                    w.assign(c);
                }
                long from = kind == AnomalyType.POLL_SKIP ? offsetOf(w, key, v2) + 1 : offsetOf(w, key, v1);
                KafkaWorld.Pending second = w.invoke(c, true, false, List.of());
                KafkaWorld.read(second, key, w.records(key, from, Integer.MAX_VALUE));
                w.complete(second, OpType.OK);
                return Value.of(v1);
            }
            case INT_POLL_SKIP: {
                // One poll jumps over a record. The twin: the middle send failed and a transaction
                // marker holds its place, so the offsets jump but no value is skipped.
                long v1 = sendOk(w, key);
                long v2 = w.freshValue();
                KafkaWorld.Pending p = w.invokeSend(w.freshProcess(), key, v2);
                if (violate) {
                    w.applySends(p);
                    w.complete(p, OpType.OK);
                } else {
                    w.complete(p, OpType.FAIL);
                    w.skipOffset(key);
                }
                long v3 = sendOk(w, key);
                KafkaWorld.Pending poll = w.invoke(w.freshProcess(), true, false, List.of());
                KafkaWorld.read(poll, key, List.of(read(w, key, v1), read(w, key, v3)));
                w.complete(poll, OpType.OK);
                return Value.of(v3);
            }
            case INT_NONMONOTONIC_POLL: {
                // One poll returns an offset again; the twin: two consumers overlap on the same records.
                long v1 = sendOk(w, key);
                long v2 = sendOk(w, key);
                int c1 = w.freshProcess();
                KafkaWorld.Pending p1 = w.invoke(c1, true, false, List.of());
                if (violate) {
                    KafkaWorld.read(p1, key, List.of(read(w, key, v1), read(w, key, v2), read(w, key, v1)));
                } else {
                    KafkaWorld.Pending p2 = w.invoke(w.freshProcess(), true, false, List.of());
                    KafkaWorld.read(p1, key, List.of(read(w, key, v1), read(w, key, v2)));
                    KafkaWorld.read(p2, key, List.of(read(w, key, v1), read(w, key, v2)));
                    w.complete(p2, OpType.OK);
                }
                w.complete(p1, OpType.OK);
                return Value.of(v1);
            }
            case INT_NONMONOTONIC_SEND: {
                // One op's second send lands before its first. The twin: the op's sends interleave
                // with another producer's (int-send-skip, which Kafka allows).
                long v1 = w.freshValue();
                long v2 = w.freshValue();
                KafkaWorld.Pending p = w.invoke(w.freshProcess(), false, false,
                        List.of(new long[] {key, v1}, new long[] {key, v2}));
                if (violate) {
                    p.offsets[1] = w.append(key, v2);
                    p.offsets[0] = w.append(key, v1);
                } else {
                    p.offsets[0] = w.append(key, v1);
                    sendOk(w, key);
                    p.offsets[1] = w.append(key, v2);
                }
                w.complete(p, OpType.OK);
                return Value.of(v2);
            }
            case NONMONOTONIC_SEND: {
                // A process's send lands before the send it completed earlier. The twins: on key 0
                // the two sends come from two processes and overlap; on key 1 the first ended info
                // (it may land at any time after its invocation) and its process id is reused.
                long v1 = w.freshValue();
                long v2 = w.freshValue();
                long at = w.end(key);
                int p1 = w.freshProcess();
                KafkaWorld.Pending s1 = w.invokeSend(p1, key, v1);
                w.putAt(key, at + 1, v1);
                s1.offsets[0] = at + 1;
                boolean overlap = !violate && key == 0;
                if (!overlap) {
                    w.complete(s1, violate ? OpType.OK : OpType.INFO);
                }
                KafkaWorld.Pending s2 = w.invokeSend(overlap ? w.freshProcess() : p1, key, v2);
                w.putAt(key, at, v2);
                s2.offsets[0] = at;
                w.complete(s2, OpType.OK);
                if (overlap) {
                    w.complete(s1, OpType.OK);
                }
                return Value.of(v2);
            }
            default:
                throw new IllegalArgumentException("no episode for " + kind);
        }
    }

    private static long sendOk(KafkaWorld w, int key) {
        long v = w.freshValue();
        KafkaWorld.Pending p = w.invokeSend(w.freshProcess(), key, v);
        w.applySends(p);
        w.complete(p, OpType.OK);
        return v;
    }

    private static long offsetOf(KafkaWorld w, int key, long value) {
        return w.log(key).entrySet().stream().filter(e -> e.getValue() == value)
                .findFirst().orElseThrow().getKey();
    }

    private static KafkaOps.Read read(KafkaWorld w, int key, long value) {
        return new KafkaOps.Read(offsetOf(w, key, value), Value.of(value));
    }

    private static int count(KafkaWorld w, int key, long from, long toInclusive) {
        return w.log(key).subMap(from, true, toInclusive, true).size();
    }
}

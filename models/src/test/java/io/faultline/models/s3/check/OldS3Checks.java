package io.faultline.models.s3.check;

// TEMPORARY: the offline S3 checks as they were before issue 18's online checks, for OnlineEquivalenceTest.

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import io.faultline.sim.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The checks of the S3 scenarios, over a recorded history of {@code put/get/delete [k v]},
 * conditional puts {@code cas [k [old new]]} and {@code list [prefix [keys]]} operations.
 *
 * <ul>
 *   <li>{@link #linearizable}: per key, with the checker's {@code s3-object} model (FIDELITY A1.3:
 *       what strong S3 promises).</li>
 *   <li>{@link #listSeesCompletedWrites}: a LIST includes every key whose PUT completed before the
 *       LIST began (unless a DELETE of it may have happened since), and omits every key whose
 *       DELETE completed before the LIST began (unless a PUT may have happened since) (A1.3).</li>
 *   <li>{@link #readsReturnWrittenValues}: no read returns a value nobody wrote, or a mix
 *       (A1.2 rule 3: "never corrupted or partial data"; holds in both modes).</li>
 *   <li>{@link #newKeysReadAfterWrite}: legacy's one promise (A1.2 rule 1): a GET that begins after
 *       the first PUT of a key completed does not answer 404, unless a GET of the key that began
 *       before that PUT completed did not find it (the negative-cache caveat: such a GET may have
 *       been served before the object existed) or a DELETE of it may have happened.</li>
 * </ul>
 */
final class OldS3Checks {
    private OldS3Checks() {
    }

    /** One completed operation with its invocation. */
    public record Done(int process, String f, String key, Value value, long invoked, long completed, OpType type) {
    }

    public static List<Done> pairs(History h) {
        TreeMap<Integer, Op> open = new TreeMap<>();
        List<Done> out = new ArrayList<>();
        for (Op op : h) {
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
                continue;
            }
            Op inv = open.remove(op.process());
            if (inv == null) {
                continue;
            }
            String key = ((Value.Str) ((Value.Vec) inv.value()).items().get(0)).value();
            // Writes are known by what they asked for (an info completion carries no value).
            Value v = isWrite(inv.f()) ? written(inv)
                    : op.value() instanceof Value.Vec vec && vec.items().size() == 2 ? vec.items().get(1) : Value.NIL;
            // An info operation may take effect at any time after its invocation, even after the
            // client gave up: it is open to the end, whatever time its info was recorded at.
            long completed = op.type() == OpType.INFO ? Long.MAX_VALUE : op.time().orElse(Long.MAX_VALUE);
            out.add(new Done(op.process(), op.f(), key, v, inv.time().orElse(0), completed, op.type()));
        }
        // Invocations never completed: unknown outcome, open to the end.
        for (Op inv : open.values()) {
            String key = ((Value.Str) ((Value.Vec) inv.value()).items().get(0)).value();
            out.add(new Done(inv.process(), inv.f(), key, written(inv), inv.time().orElse(0), Long.MAX_VALUE, OpType.INFO));
        }
        return out;
    }

    private static boolean isWrite(String f) {
        return f.equals("put") || f.equals("delete") || f.equals("cas");
    }

    /** What a write invocation leaves in its key: a put's value, a conditional put's new one, nil for a delete. */
    private static Value written(Op inv) {
        Value arg = ((Value.Vec) inv.value()).items().get(1);
        return inv.f().equals("cas") ? ((Value.Vec) arg).items().get(1) : arg;
    }

    /** A put or a conditional put: both leave the key present. */
    private static boolean isPut(String f) {
        return f.equals("put") || f.equals("cas");
    }

    /** The history without its {@code list} operations (the {@code s3-object} model has none). */
    static History withoutLists(History h) {
        List<Op> ops = new ArrayList<>();
        for (Op op : h) {
            if (!op.f().equals("list")) {
                ops.add(op);
            }
        }
        return History.of(ops);
    }

    /** The name of {@link #linearizable}'s result, which is also its anomaly kind. */
    public static final String LINEARIZABLE = "linearizable per key (s3-object)";

    /** What {@link #linearizable} may take at most: a seed of a sweep must not hold it up longer. */
    public static final Duration CHECK_TIME = Duration.ofSeconds(30);

    /** {@link #linearizable(History, Optional)} within {@link #CHECK_TIME}. */
    public static CheckResult linearizable(History h) {
        return linearizable(h, Optional.of(CHECK_TIME));
    }

    /**
     * Linearizable per key, within {@code time} of wall clock ({@code ScenarioRun.checkTime}: what
     * the run's time limit leaves); UNKNOWN without checking when nothing is left.
     */
    public static CheckResult linearizable(History h, Optional<Duration> time) {
        String name = LINEARIZABLE;
        if (time.isEmpty()) {
            return CheckResult.unknown(name, "not checked: the run's time limit was reached");
        }
        CheckReport r = io.faultline.checker.OldLinearizability.check(withoutLists(h), Models.byName("s3-object"),
                CheckOptions.defaults().withThreads(1).withTimeLimit(time.get()));
        Verdict v = r.verdict();
        if (v instanceof Verdict.Invalid inv) {
            return CheckResult.invalid(name, "key " + inv.counterexample().key().map(Value::toString).orElse("?")
                    + ": cannot linearize " + inv.counterexample().operation().describe()
                    + (inv.counterexample().explanation().isEmpty() ? "" : " (" + inv.counterexample().explanation() + ")"));
        }
        if (v instanceof Verdict.Unknown u) {
            return CheckResult.unknown(name, u.reason());
        }
        return CheckResult.valid(name, r.operations() + " operations on " + r.keys().size() + " keys");
    }

    public static CheckResult listSeesCompletedWrites(History h) {
        String name = "LIST sees every completed write";
        List<Done> all = pairs(h);
        TreeMap<String, List<Done>> writesByKey = new TreeMap<>();
        for (Done d : all) {
            if (isWrite(d.f())) {
                writesByKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
            }
        }
        TreeMap<String, OldKeyWrites> byKey = new TreeMap<>();
        writesByKey.forEach((k, ws) -> byKey.put(k, new OldKeyWrites(ws)));
        int lists = 0;
        for (Done l : all) {
            if (!l.f().equals("list") || l.type() != OpType.OK) {
                continue;
            }
            lists++;
            TreeSet<String> listed = new TreeSet<>();
            for (Value k : ((Value.Vec) l.value()).items()) {
                listed.add(((Value.Str) k).value());
            }
            for (Map.Entry<String, OldKeyWrites> e : byKey.tailMap(l.key(), true).entrySet()) {
                if (!e.getKey().startsWith(l.key())) {
                    break;
                }
                Optional<String> broken = e.getValue().mustReflect(l.invoked(), l.completed())
                        .flatMap(w -> listBroken(e.getKey(), w, l, listed.contains(e.getKey())));
                if (broken.isPresent()) {
                    return CheckResult.invalid(name, broken.get());
                }
            }
        }
        return CheckResult.valid(name, lists + " LISTs checked");
    }

    /** Whether {@code list} contradicts {@code w}, the write it must reflect ({@link OldKeyWrites}). */
    private static Optional<String> listBroken(String key, Done w, Done list, boolean listed) {
        if (isPut(w.f()) && !listed) {
            return Optional.of("LIST at " + io.faultline.sim.SimTime.format(list.invoked()) + " omits " + key + ", whose PUT completed at "
                    + io.faultline.sim.SimTime.format(w.completed()));
        }
        if (w.f().equals("delete") && listed) {
            return Optional.of("LIST at " + io.faultline.sim.SimTime.format(list.invoked()) + " shows " + key + ", whose DELETE completed at "
                    + io.faultline.sim.SimTime.format(w.completed()));
        }
        return Optional.empty();
    }

    public static CheckResult readsReturnWrittenValues(History h) {
        String name = "reads return written values, never partial ones";
        List<Done> all = pairs(h);
        TreeMap<String, TreeSet<String>> written = new TreeMap<>();
        for (Done d : all) {
            if (isPut(d.f()) && d.value() instanceof Value.Str s) {
                written.computeIfAbsent(d.key(), k -> new TreeSet<>()).add(s.value());
            }
        }
        int reads = 0;
        for (Done d : all) {
            if (d.f().equals("get") && d.type() == OpType.OK && d.value() instanceof Value.Str s) {
                reads++;
                if (!written.getOrDefault(d.key(), new TreeSet<>()).contains(s.value())) {
                    return CheckResult.invalid(name, "GET " + d.key() + " returned '" + s.value() + "', never written");
                }
            }
        }
        return CheckResult.valid(name, reads + " non-empty reads, all of written values");
    }

    public static CheckResult newKeysReadAfterWrite(History h) {
        String name = "new keys: read-after-write unless a GET saw 404 first (A1.2 rule 1)";
        List<Done> all = pairs(h);
        TreeMap<String, List<Done>> byKey = new TreeMap<>();
        for (Done d : all) {
            if (!d.f().equals("list")) {
                byKey.computeIfAbsent(d.key(), k -> new ArrayList<>()).add(d);
            }
        }
        int keys = 0;
        int reads = 0;
        for (Map.Entry<String, List<Done>> e : byKey.entrySet()) {
            List<Done> ops = e.getValue();
            Optional<Done> firstPut = ops.stream().filter(d -> isPut(d.f()) && d.type() == OpType.OK)
                    .min((a, b) -> Long.compare(a.completed(), b.completed()));
            if (firstPut.isEmpty()) {
                continue;
            }
            Done put = firstPut.get();
            // The caveat applies if a GET may have been served before the object existed: one that
            // began before the PUT completed (before or overlapping it: overlapping operations are
            // concurrent, so "began before" is not "happened before") and did not find the key.
            boolean negative = ops.stream().anyMatch(d -> d.f().equals("get") && d.invoked() < put.completed()
                    && !(d.type() == OpType.OK && !d.value().isNil()));
            if (negative) {
                continue; // the caveat applies: eventual consistency for this key
            }
            for (Done g : ops) {
                if (!g.f().equals("get") || g.type() != OpType.OK || g.invoked() <= put.completed()) {
                    continue;
                }
                reads++;
                if (!g.value().isNil()) {
                    continue; // it found the key: what it read is the other checks' business
                }
                boolean deleted = ops.stream().anyMatch(d -> d.f().equals("delete") && d.type() != OpType.FAIL
                        && d.invoked() < g.completed());
                boolean earlierPut = ops.stream().anyMatch(d -> isPut(d.f()) && d != put
                        && d.invoked() < put.invoked());
                if (!deleted && !earlierPut) {
                    return CheckResult.invalid(name, "GET " + e.getKey() + " at " + io.faultline.sim.SimTime.format(g.invoked())
                            + " answered 404 after its first PUT completed at " + io.faultline.sim.SimTime.format(put.completed()));
                }
            }
            keys++;
        }
        return CheckResult.valid(name, reads + " reads of " + keys + " new keys checked");
    }
}

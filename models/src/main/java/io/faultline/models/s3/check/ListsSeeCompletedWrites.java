package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.sim.CheckResult;
import io.faultline.sim.SimTime;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A LIST includes every key whose PUT completed before the LIST began (unless a DELETE of it may
 * have happened since), and omits every key whose DELETE completed before the LIST began (unless a
 * PUT may have happened since) (FIDELITY A1.3). Which write a LIST must reflect depends on every
 * write that began before the LIST ended, and whether a write failed is known only when it
 * completes: a LIST is judged once every write that began before it ended has completed (writes
 * still open at the end are completed as unknown at {@link #result}). Until then it waits, with
 * the keys it listed; LISTs are judged in the order they completed.
 */
final class ListsSeeCompletedWrites extends PairedCheck<CheckResult> {
    static final String NAME = "LIST sees every completed write";
    private final TreeMap<String, KeyWrites> byKey = new TreeMap<>();
    /** Invocation times of the writes begun and not completed: how many at each time. */
    private final TreeMap<Long, Integer> openWrites = new TreeMap<>();
    private final ArrayDeque<Listed> waiting = new ArrayDeque<>();
    private long writesDone;
    private int lists;
    private Optional<String> broken = Optional.empty();

    /** An acknowledged LIST of {@code prefix} and the keys it returned. */
    private record Listed(String prefix, long invoked, long completed, TreeSet<String> keys) {
    }

    @Override
    void invoked(Op inv) {
        if (Done.isWrite(inv.f())) {
            byKey.computeIfAbsent(Done.key(inv), k -> new KeyWrites());
            openWrites.merge(inv.time().orElse(0), 1, Integer::sum);
        }
    }

    @Override
    void done(Done d) {
        if (Done.isWrite(d.f())) {
            openWrites.computeIfPresent(d.invoked(), (t, n) -> n == 1 ? null : n - 1);
            KeyWrites k = byKey.computeIfAbsent(d.key(), x -> new KeyWrites());
            k.add(d, writesDone++);
            // No LIST still to judge ended before this: absorb what began before all of them.
            k.absorbBefore(Math.min(openWrites.isEmpty() ? Long.MAX_VALUE : openWrites.firstKey(),
                    waiting.isEmpty() ? now() : waiting.peekFirst().completed()));
        } else if (d.f().equals("list") && d.type() == OpType.OK && broken.isEmpty()) {
            TreeSet<String> listed = new TreeSet<>();
            for (Value k : ((Value.Vec) d.value()).items()) {
                listed.add(((Value.Str) k).value());
            }
            waiting.addLast(new Listed(d.key(), d.invoked(), d.completed(), listed));
        }
        judgeSettled();
    }

    /** Judges the waiting LISTs, oldest first, as long as no write that began before one's end is open. */
    private void judgeSettled() {
        while (!waiting.isEmpty() && (openWrites.isEmpty() || openWrites.firstKey() >= waiting.peekFirst().completed())) {
            Listed l = waiting.pollFirst();
            if (broken.isEmpty()) {
                lists++;
                broken = judge(l);
            }
        }
    }

    private Optional<String> judge(Listed l) {
        for (Map.Entry<String, KeyWrites> e : byKey.tailMap(l.prefix(), true).entrySet()) {
            if (!e.getKey().startsWith(l.prefix())) {
                break;
            }
            Optional<String> broken = e.getValue().mustReflect(l.invoked(), l.completed())
                    .flatMap(w -> broken(e.getKey(), w, l, l.keys().contains(e.getKey())));
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code list} contradicts {@code w}, the write it must reflect ({@link KeyWrites}). */
    private static Optional<String> broken(String key, Done w, Listed list, boolean listed) {
        if (Done.isPut(w.f()) && !listed) {
            return Optional.of("LIST at " + SimTime.format(list.invoked()) + " omits " + key + ", whose PUT completed at "
                    + SimTime.format(w.completed()));
        }
        if (w.f().equals("delete") && listed) {
            return Optional.of("LIST at " + SimTime.format(list.invoked()) + " shows " + key + ", whose DELETE completed at "
                    + SimTime.format(w.completed()));
        }
        return Optional.empty();
    }

    @Override
    CheckResult judge() {
        // Every write is done now; what is left open is an invocation its process replaced, which
        // never completed and is no operation: it holds no LIST back.
        openWrites.clear();
        judgeSettled();
        return broken.map(b -> CheckResult.invalid(NAME, b)).orElseGet(() -> CheckResult.valid(NAME, lists + " LISTs checked"));
    }
}

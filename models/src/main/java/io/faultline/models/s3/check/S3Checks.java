package io.faultline.models.s3.check;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.History;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Models;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The checks of the S3 scenarios, over a history of {@code put/get/delete [k v]},
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
 *
 * <p>All but linearizability judge the history as it is recorded ({@link OnlineCheck}: a run
 * registers them on its recorder before it starts; a history at hand is fed to them with
 * {@link OnlineCheck#over}); linearizability needs the whole history and reads it back a key at a time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Checks {
    private S3Checks() {
    }

    /**
     * One operation of an S3 history with its invocation, as the rules judge it: its key (a LIST's
     * prefix), the value it wrote or read, when it began and when it completed. An operation whose
     * outcome is unknown ({@code info}, or never completed) is open to the end: it may take effect at
     * any time after it began, even after the client gave up.
     */
    public record Done(int process, String f, String key, Value value, long invoked, long completed, OpType type) {

        static Done of(Op inv, Op completion) {
            // Writes are known by what they asked for (an info completion carries no value).
            Value v = isWrite(inv.f()) ? written(inv)
                    : completion.value() instanceof Value.Vec vec && vec.items().size() == 2 ? vec.items().get(1) : Value.NIL;
            long completed = completion.type() == OpType.INFO ? Long.MAX_VALUE : completion.time().orElse(Long.MAX_VALUE);
            return new Done(completion.process(), completion.f(), key(inv), v, inv.time().orElse(0), completed,
                    completion.type());
        }

        /** An invocation never completed: unknown outcome, open to the end. */
        static Done unfinished(Op inv) {
            return new Done(inv.process(), inv.f(), key(inv), written(inv), inv.time().orElse(0), Long.MAX_VALUE, OpType.INFO);
        }

        static String key(Op inv) {
            return ((Value.Str) ((Value.Vec) inv.value()).items().get(0)).value();
        }

        /** What a write invocation leaves in its key: a put's value, a conditional put's new one, nil for a delete. */
        static Value written(Op inv) {
            Value arg = ((Value.Vec) inv.value()).items().get(1);
            return inv.f().equals("cas") ? ((Value.Vec) arg).items().get(1) : arg;
        }

        static boolean isWrite(String f) {
            return f.equals("put") || f.equals("delete") || f.equals("cas");
        }

        /** A put or a conditional put: both leave the key present. */
        static boolean isPut(String f) {
            return f.equals("put") || f.equals("cas");
        }
    }

    /** The operations of {@code h} with their invocations, in the order they completed, then those never completed. */
    public static List<Done> pairs(History h) {
        return OnlineCheck.over(h, new PairedCheck<List<Done>>() {
            private final List<Done> all = new ArrayList<>();

            @Override
            void done(Done d) {
                all.add(d);
            }

            @Override
            List<Done> judge() {
                return all;
            }
        });
    }

    /** {@link #listSeesCompletedWrites()} over a history at hand. */
    public static CheckResult listSeesCompletedWrites(History h) {
        return OnlineCheck.over(h, listSeesCompletedWrites());
    }

    /** {@link #readsReturnWrittenValues()} over a history at hand. */
    public static CheckResult readsReturnWrittenValues(History h) {
        return OnlineCheck.over(h, readsReturnWrittenValues());
    }

    /** {@link #newKeysReadAfterWrite()} over a history at hand. */
    public static CheckResult newKeysReadAfterWrite(History h) {
        return OnlineCheck.over(h, newKeysReadAfterWrite());
    }

    /** A LIST sees every completed write; judged as the history is recorded. */
    public static OnlineCheck<CheckResult> listSeesCompletedWrites() {
        return new ListsSeeCompletedWrites();
    }

    /** Reads return written values, never partial ones; judged as the history is recorded. */
    public static OnlineCheck<CheckResult> readsReturnWrittenValues() {
        return new WrittenValues();
    }

    /** Legacy's rule 1 for new keys; fed as the history is recorded, judged at its end. */
    public static OnlineCheck<CheckResult> newKeysReadAfterWrite() {
        return new NewKeysReadAfterWrite();
    }

    /** The table of what clients saw (ok GETs, PUTs, LISTs, 404s after a completed PUT). */
    public static OnlineCheck<Table> clientCounts() {
        return new ClientCounts();
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
     * Linearizable per key (the history without its {@code list} operations: the {@code s3-object}
     * model has none; read back a key at a time), within {@code time} of wall clock ({@code ScenarioRun.checkTime}: what
     * the run's time limit leaves); UNKNOWN without checking when nothing is left.
     */
    public static CheckResult linearizable(History h, Optional<Duration> time) {
        String name = LINEARIZABLE;
        if (time.isEmpty()) {
            return CheckResult.unknown(name, "not checked: the run's time limit was reached");
        }
        CheckReport r = Linearizability.check(h.filter(op -> !op.f().equals("list")), Models.byName("s3-object"),
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
}

package io.faultline.bench;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cas-register histories shaped like Jepsen's: {@code clients} concurrent clients doing reads,
 * writes and cas on one register of small values; a few operations time out ({@code :info}), after
 * which the client continues as a new process (Jepsen's {@code process + concurrency}) and the
 * timed-out operation takes effect later or never. Linearizable by construction (each operation
 * takes effect once, between its invocation and completion), so the checker must search them fully.
 *
 * <pre>{@code
 * History h = JepsenLikeHistories.casRegister(42, 500, 20, 12);
 * }</pre>
 */
public final class JepsenLikeHistories {
    private JepsenLikeHistories() {
    }

    private static final class Pending {
        final int process;
        final String f;
        final Value value;
        Value result;      // null until applied; NIL-typed marker below for a failed cas
        boolean failed;

        Pending(int process, String f, Value value) {
            this.process = process;
            this.f = f;
            this.value = value;
        }
    }

    /** A history of {@code ops} invocations by {@code clients} clients with about {@code infos} info ops. */
    public static History casRegister(long seed, int ops, int clients, int infos) {
        SplittableRandom rnd = new SplittableRandom(seed);
        HistoryBuilder h = new HistoryBuilder();
        Pending[] busy = new Pending[clients];
        int[] process = new int[clients];
        for (int c = 0; c < clients; c++) {
            process[c] = c;
        }
        List<Pending> unapplied = new ArrayList<>();
        Value register = Value.NIL;
        int invoked = 0;
        long t = 0;
        double infoChance = (double) infos / ops;
        while (invoked < ops || anyBusy(busy)) {
            int c = rnd.nextInt(clients);
            Pending p = busy[c];
            if (p == null) {
                if (invoked >= ops) {
                    continue;
                }
                int kind = rnd.nextInt(3);
                String f = kind == 0 ? "read" : kind == 1 ? "write" : "cas";
                Value v = kind == 0 ? Value.NIL : kind == 1 ? Value.of(rnd.nextInt(5))
                        : Value.vec(Value.of(rnd.nextInt(5)), Value.of(rnd.nextInt(5)));
                p = new Pending(process[c], f, v);
                busy[c] = p;
                unapplied.add(p);
                h.invoke(p.process, f, v, t++);
                invoked++;
            } else if (rnd.nextInt(3) == 0 && !unapplied.isEmpty()) {
                register = apply(unapplied.remove(rnd.nextInt(unapplied.size())), register);
            } else {
                busy[c] = null;
                if (rnd.nextDouble() < infoChance) {
                    h.complete(p.process, OpType.INFO, p.f, p.value, t++);
                    process[c] += clients;   // Jepsen retires a process whose op timed out
                    continue;
                }
                if (p.result == null && !p.failed) {
                    unapplied.remove(p);
                    register = apply(p, register);
                }
                h.complete(p.process, p.failed ? OpType.FAIL : OpType.OK, p.f,
                        p.f.equals("read") ? p.result : p.value, t++);
            }
        }
        return h.build();
    }

    private static boolean anyBusy(Pending[] busy) {
        for (Pending p : busy) {
            if (p != null) {
                return true;
            }
        }
        return false;
    }

    private static Value apply(Pending p, Value register) {
        switch (p.f) {
            case "read":
                p.result = register;
                return register;
            case "write":
                p.result = p.value;
                return p.value;
            default:
                Value.Vec v = (Value.Vec) p.value;
                if (!v.items().get(0).equals(register)) {
                    p.failed = true;
                    return register;
                }
                p.result = p.value;
                return v.items().get(1);
        }
    }
}

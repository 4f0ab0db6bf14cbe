package io.faultline.checker.log;

import io.faultline.checker.history.OpType;
import io.faultline.gen.Gen;

import java.util.ArrayList;
import java.util.List;

/**
 * A random concurrent run of Jepsen-style Kafka clients against a correct {@link KafkaWorld}:
 * producers send one or two values per op; consumers assign every key, then poll (or poll and send
 * in one transaction) from where they are. The plan interleaves invocations, linearization points
 * and completions, so ops overlap freely; completions are ok, fail (only if not applied) or info
 * (a send may land later or never; a process with an unknown outcome is replaced by a fresh one,
 * Jepsen's rule). Reads are whatever part of the log exists when the poll applies, so polls run
 * concurrently with the writes they may or may not see. Any sub-list of a plan is a plan, so
 * failures shrink.
 */
final class KafkaBackground {
    record Action(int kind, int slot, int a, int b) {
    }

    record Plan(int producers, int consumers, List<Action> actions) {
        @Override
        public String toString() {
            return producers + " producers, " + consumers + " consumers, " + actions.size() + " actions";
        }
    }

    private static final class Slot {
        final boolean consumer;
        int process;
        Job busy;
        boolean assigned;
        final long[] position = new long[KafkaWorld.KEYS];

        Slot(boolean consumer, int process) {
            this.consumer = consumer;
            this.process = process;
        }
    }

    private record Job(KafkaWorld.Pending op, Slot slot) {
    }

    private KafkaBackground() {
    }

    static Gen<Plan> plans(int maxActions) {
        return Gen.tuple(Gen.integers(1, 3), Gen.integers(1, 2)).flatMap(pc -> {
            int slots = pc.first() + pc.second();
            Gen<Action> action = Gen.zip(Gen.tuple(Gen.integers(0, 2), Gen.integers(0, slots - 1)),
                    Gen.tuple(Gen.integers(0, 63), Gen.integers(0, 63)),
                    (t, u) -> new Action(t.first(), t.second(), u.first(), u.second()));
            return action.list(0, maxActions).map(as -> new Plan(pc.first(), pc.second(), as));
        });
    }

    /** The first process id the plan does not use for its initial clients. */
    static int processes(Plan plan) {
        return plan.producers() + plan.consumers();
    }

    /** Runs {@code plan}, then settles: nothing is left in flight, unknown sends landed or not. */
    static void run(KafkaWorld w, Plan plan) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < plan.producers() + plan.consumers(); i++) {
            slots.add(new Slot(i >= plan.producers(), i));
        }
        List<Job> applicable = new ArrayList<>();
        for (Action act : plan.actions()) {
            Slot s = slots.get(act.slot());
            if (act.kind() == 0 && s.busy == null) {
                s.busy = invoke(w, s, act.a());
                applicable.add(s.busy);
            } else if (act.kind() == 1 && !applicable.isEmpty()) {
                apply(w, applicable.remove(act.a() % applicable.size()), act.b());
            } else if (act.kind() == 2 && s.busy != null) {
                complete(w, s, applicable, act.a());
            }
        }
        for (Slot s : slots) {
            if (s.busy != null) {
                finish(w, s.busy, applicable);
                w.complete(s.busy.op(), OpType.OK);
                s.busy = null;
            }
        }
        // Sends that ended info: some landed after all, some never did.
        for (Job j : applicable) {
            if (j.op().sends.get(0)[1] % 2 == 0) {
                apply(w, j, 1);
            }
        }
    }

    private static Job invoke(KafkaWorld w, Slot s, int a) {
        if (!s.consumer) {
            List<long[]> sends = new ArrayList<>();
            for (int i = 0; i <= a % 2; i++) {
                sends.add(new long[] {(a >> (1 + i)) % KafkaWorld.KEYS, w.freshValue()});
            }
            return new Job(w.invoke(s.process, false, false, sends), s);
        }
        if (!s.assigned) {
            w.assign(s.process);
            s.assigned = true;
        }
        List<long[]> sends = a % 4 == 0
                ? List.<long[]>of(new long[] {(a >> 2) % KafkaWorld.KEYS, w.freshValue()}) : List.of();
        return new Job(w.invoke(s.process, true, false, sends), s);
    }

    private static void apply(KafkaWorld w, Job j, int b) {
        KafkaWorld.Pending p = j.op();
        if (p.polls) {
            int max = b % 4 == 3 ? Integer.MAX_VALUE : b % 4;
            for (int k = 0; k < KafkaWorld.KEYS; k++) {
                List<KafkaOps.Read> rs = w.records(k, j.slot().position[k], max);
                if (!rs.isEmpty() || b % 2 == 0) {
                    KafkaWorld.read(p, k, rs);
                }
                if (!rs.isEmpty()) {
                    j.slot().position[k] = rs.get(rs.size() - 1).offset() + 1;
                }
            }
        }
        if (!p.sends.isEmpty() && b % 5 == 0) {
            w.skipOffset((int) p.sends.get(0)[0]);   // a transaction marker before the batch
        }
        w.applySends(p);
        p.applied = true;
    }

    private static void finish(KafkaWorld w, Job j, List<Job> applicable) {
        if (!j.op().applied) {
            applicable.remove(j);
            apply(w, j, 3);
        }
    }

    private static void complete(KafkaWorld w, Slot s, List<Job> applicable, int a) {
        Job j = s.busy;
        s.busy = null;
        int r = a % 10;
        if (r == 0) {
            if (s.consumer) {
                finish(w, j, applicable);   // what it polled is consumed, though the client never saw it
                s.assigned = false;
                if ((a / 10) % 2 == 0) {
                    java.util.Arrays.fill(s.position, 0);   // the new consumer starts from the beginning
                }
            }
            w.complete(j.op(), OpType.INFO);
            s.process = w.freshProcess();
        } else if (r == 1 && !j.op().applied && !s.consumer) {
            applicable.remove(j);
            w.complete(j.op(), OpType.FAIL);
        } else {
            finish(w, j, applicable);
            w.complete(j.op(), OpType.OK);
        }
    }
}

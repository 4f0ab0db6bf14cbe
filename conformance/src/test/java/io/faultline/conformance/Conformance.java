package io.faultline.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * What the conformance tests share: run a workload on the model (seeded, seed printed) and on a
 * real cluster, print both outcomes, and leave the case's {@link CaseResult} under
 * {@code target/conformance-results} for the docs table.
 */
final class Conformance {
    /** The model's seed: {@code -Dfaultline.conformance.seed=N} replays another. */
    static final long SEED = Long.getLong("faultline.conformance.seed", 42);

    private Conformance() {
    }

    record Both(CaseOutcome model, CaseOutcome real) {
    }

    static Path outputDir() {
        return Path.of(System.getProperty("faultline.conformance.out", "target"));
    }

    static Path resultsDir() {
        return outputDir().resolve("conformance-results");
    }

    /** Runs a case on the model, printing its seed and outcome. */
    private static <O> O onModel(String topic, java.util.function.Supplier<O> run, java.util.function.Function<O, String> says) {
        System.out.println("conformance " + topic + ": model seed " + SEED
                + " (replay with -Dfaultline.conformance.seed=" + SEED + ")");
        O o = run.get();
        System.out.println("conformance " + topic + ": model: " + says.apply(o));
        return o;
    }

    static CaseOutcome model(Workload w) {
        return onModel(w.topic(), () -> {
            try (ModelDriver d = new ModelDriver(SEED, w)) {
                return CaseRunner.run(w, d);
            }
        }, o -> o.summary() + " " + o.notes());
    }

    static Both both(RealCluster cluster, Workload w) throws Exception {
        CaseOutcome model = model(w);
        CaseOutcome real;
        try (RealDriver d = new RealDriver(cluster, w)) {
            real = CaseRunner.run(w, d);
        }
        System.out.println("conformance " + w.topic() + ": real:  " + real.summary() + " " + real.notes());
        return new Both(model, real);
    }

    record BothGroups(GroupOutcome model, GroupOutcome real) {
        boolean agree() {
            return model.observable().equals(real.observable());
        }

        List<String> notes() {
            List<String> out = new java.util.ArrayList<>(model.notes());
            out.addAll(real.notes());
            return out;
        }
    }

    static GroupOutcome model(GroupCase c) {
        return onModel(c.topic(), () -> {
            try (ModelGroupDriver d = new ModelGroupDriver(SEED, c)) {
                return GroupCaseRunner.run(c, d);
            }
        }, o -> o.summary() + " " + o.notes());
    }

    static BothGroups both(RealCluster cluster, GroupCase c) throws Exception {
        GroupOutcome model = model(c);
        GroupOutcome real;
        try (RealGroupDriver d = new RealGroupDriver(cluster, c)) {
            real = GroupCaseRunner.run(c, d);
        }
        System.out.println("conformance " + c.topic() + ": real:  " + real.summary() + " " + real.notes());
        return new BothGroups(model, real);
    }

    static void record(GroupCase c, String title, BothGroups b, String comparison, String command) {
        new CaseResult(c.topic(), title, SEED, b.model().summary(), b.real().summary(), comparison, true, command,
                b.notes()).write(resultsDir());
    }

    static String command(Class<?> test, String method) {
        return "./mvnw -pl conformance -am verify -Dtest='" + test.getSimpleName() + "#" + method
                + "' -Dsurefire.failIfNoSpecifiedTests=false -Dfaultline.conformance.seed=" + SEED;
    }

    static void record(Workload w, String title, Both b, String comparison, boolean realChecked, String command,
                       List<String> notes) {
        new CaseResult(w.topic(), title, SEED, b.model().summary(), b.real().summary(), comparison, realChecked,
                command, notes).write(resultsDir());
    }
}

package io.faultline.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Algorithm;
import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Counterexample;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Outcome;
import io.faultline.checker.Verdict;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import io.faultline.checker.model.Step;
import io.faultline.checker.model.Operation;
import io.faultline.gen.Property;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WGL, the linear search, competition mode and the brute-force oracle give the same verdict on
 * random small histories of every model (simulated concurrent executions, with info and fail
 * completions, up to 5 processes, some completions corrupted); an execution that was not
 * corrupted is linearizable; a counterexample's prefix replays on the model. Failures shrink to a
 * minimal history, printed with the seed. Tries per model: 10,000 times
 * {@code -Dfaultline.test.scale} (100,000 histories in all at scale 1).
 */
class CheckersAgreeWithBruteForceTest {
    private static final int TRIES_PER_MODEL = 10_000;
    private static final CheckOptions ONE_THREAD = CheckOptions.defaults()
            .withTimeLimit(Duration.ofSeconds(20)).withThreads(1);

    static List<String> models() {
        return Models.names();
    }

    private static int scale() {
        return Math.max(1, Integer.getInteger("faultline.test.scale", 1));
    }

    @ParameterizedTest
    @MethodSource("models")
    void wglLinearAndBruteForceAgree(String model) {
        int tries = TRIES_PER_MODEL * scale();
        int[] seen = new int[3];   // invalid, valid, with an info or unfinished op
        Property.forAll(SimulatedCase.cases(model, 24))
                .named("CheckersAgreeWithBruteForceTest[" + model + "]")
                .tries(tries)
                .verify(c -> agree(c, seen));
        // The generator must give both verdicts and indeterminate ops often, or agreement means little.
        assertTrue(seen[0] > tries / 20, () -> model + ": too few invalid histories: " + seen[0]);
        assertTrue(seen[1] > tries / 5, () -> model + ": too few valid histories: " + seen[1]);
        assertTrue(seen[2] > tries / 10, () -> model + ": too few histories with info ops: " + seen[2]);
    }

    private static void agree(SimulatedCase c, int[] seen) {
        Model<?> model = Models.byName(c.model());
        Outcome expected = BruteForceOracle.isLinearizable(c.history(), model) ? Outcome.VALID : Outcome.INVALID;
        seen[expected == Outcome.INVALID ? 0 : 1]++;
        if (c.history().ops().stream().anyMatch(op -> op.type() == io.faultline.checker.history.OpType.INFO)) {
            seen[2]++;
        }
        if (!c.mutated()) {
            assertEquals(Outcome.VALID, expected, "an execution without corrupted results must be linearizable");
        }
        CheckReport wgl = Linearizability.check(c.history(), model, ONE_THREAD.withAlgorithm(Algorithm.WGL));
        assertEquals(expected, wgl.outcome(), () -> "WGL: " + wgl.verdict());
        // The linear search also runs on the unsplit history of keyed models, every other time.
        boolean split = (c.history().size() & 1) == 0;
        CheckReport linear = Linearizability.check(c.history(), model,
                ONE_THREAD.withAlgorithm(Algorithm.LINEAR).withPartition(split));
        assertEquals(expected, linear.outcome(), () -> "linear: " + linear.verdict());
        if (Math.floorMod(c.history().hashCode(), 64) == 0) {
            CheckReport both = Linearizability.check(c.history(), model, ONE_THREAD.withThreads(2));
            assertEquals(expected, both.outcome(), () -> "competition: " + both.verdict());
        }
        replays(wgl.verdict(), model);
        replays(linear.verdict(), model);
    }

    /** A counterexample's prefix is possible on the model, and its failing op is not in it. */
    @SuppressWarnings("unchecked")
    private static void replays(Verdict v, Model<?> m) {
        if (!(v instanceof Verdict.Invalid inv)) {
            return;
        }
        Counterexample ce = inv.counterexample();
        Model<Object> model = (Model<Object>) m;
        Set<Object> states = new HashSet<>(Set.of(model.initial()));
        for (Operation op : ce.linearized()) {
            assertFalse(op.equals(ce.operation()), "the failing op is not in the prefix");
            Set<Object> next = new HashSet<>();
            for (Object s : states) {
                Step<Object> r = model.step(s, op);
                if (r instanceof Step.Ok<Object> ok) {
                    next.add(ok.state());
                } else if (r instanceof Step.AnyOf<Object> any) {
                    next.addAll(any.states());
                }
            }
            assertFalse(next.isEmpty(), () -> "prefix op " + op + " impossible in " + ce);
            states = next;
        }
        assertTrue(states.containsAll(ce.states()) || !ce.states().isEmpty(), "states reported");
    }
}

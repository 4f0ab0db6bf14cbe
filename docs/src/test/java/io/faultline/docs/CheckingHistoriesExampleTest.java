package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Outcome;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.Value;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Step;
import io.faultline.checker.model.Operation;

/** The code of docs/checking-histories.adoc, compiled and run by the build. */
class CheckingHistoriesExampleTest {

    // tag::model[]
    /** A counter: {@code :incr} adds one, {@code :read} returns the count. */
    static final class Counter implements Model<Long> {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Long initial() {
            return 0L;
        }

        @Override
        public Set<String> functions() {
            return Set.of("incr", "read");
        }

        @Override
        public Step<Long> step(Long count, Operation op) {
            if (op.f().equals("incr")) {
                return Step.ok(count + 1);
            }
            // A read whose result is unknown (nil, or an :info) tells nothing.
            if (op.value().isNil() || op.value().equals(Value.of(count))) {
                return Step.ok(count);
            }
            return Step.inconsistent(() -> "read " + op.value() + " but the count was " + count);
        }
    }
    // end::model[]

    private static final String HISTORY = """
            {:process 0, :type :invoke, :f :incr, :value nil, :time 1000}
            {:process 1, :type :invoke, :f :read, :value nil, :time 1500}
            {:process 0, :type :ok,     :f :incr, :value nil, :time 2000}
            {:process 1, :type :ok,     :f :read, :value 1,   :time 2500}
            {:process 1, :type :invoke, :f :read, :value nil, :time 3000}
            {:process 1, :type :ok,     :f :read, :value 2,   :time 3500}
            """;

    @Test
    void checksAHistoryAgainstACustomModel() throws Exception {
        // tag::check[]
        HistoryFile file = HistoryReaders.parse("counter.edn", HISTORY, HistoryFormat.AUTO);
        CheckReport report = Linearizability.check(file.history(), new Counter(), CheckOptions.defaults());
        if (report.verdict() instanceof Verdict.Invalid invalid) {
            Operation op = invalid.counterexample().operation();
            System.out.println("cannot linearize " + op.describe()
                    + " written at " + file.describe(op.invocation().index()));
            // cannot linearize op 4 (process 1 :read 2, ok) written at counter.edn:5:1
        }
        // end::check[]
        assertEquals(Outcome.INVALID, report.outcome());
        Verdict.Invalid invalid = assertInstanceOf(Verdict.Invalid.class, report.verdict());
        assertEquals(4, invalid.counterexample().operation().invocation().index());
        assertEquals("counter.edn:5:1", file.describe(4));
    }

    @Test
    void theSameHistoryWithoutTheBadReadIsLinearizable() throws Exception {
        String fine = HISTORY.lines().limit(4).reduce("", (a, b) -> a + b + "\n");
        HistoryFile file = HistoryReaders.parse("counter.edn", fine, HistoryFormat.AUTO);
        assertEquals(Outcome.VALID, Linearizability.check(file.history(), new Counter()).outcome());
    }
}

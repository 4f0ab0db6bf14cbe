package io.faultline.models.s3.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checks' exact answers on a few failing seeds, recorded when the S3 rules moved from reading
 * the finished history to judging it as it is recorded (issue 18), and identical then to what the
 * offline code answered on 30 seeds of every s3 row: which check fails, on which key and operation,
 * with which times. A change to a rule or to the read-back that changes a verdict shows here.
 */
class S3GoldenVerdictsTest {

    private static List<String> checks(String scenario, long seed, String... overrides) {
        Scenario s = Scenarios.get(scenario);
        System.out.println("[s3-golden] " + scenario + " seed " + seed + " " + List.of(overrides));
        RunResult r = s.run(s.spec(seed, List.of(overrides), Optional.empty()));
        return r.checks().stream().filter(c -> !c.name().startsWith("replicas converge"))
                .map(S3GoldenVerdictsTest::line).toList();
    }

    private static String line(CheckResult c) {
        return c.outcome() + " " + c.name() + ": " + c.detail();
    }

    @Test
    void aListMissesAKeyWhosePutCompletedUnderLegacy() {
        assertEquals(List.of("INVALID LIST sees every completed write: LIST at 19.5ms omits c2/k0, whose PUT completed at 18.2ms"),
                checks("s3/legacy-list-lag", 0));
    }

    @Test
    void readQuorumOfOneFailsTheListRuleOnSeed15AndLinearizabilityOnSeed1() {
        assertEquals(List.of("VALID linearizable per key (s3-object): 772 operations on 3 keys",
                "INVALID LIST sees every completed write: LIST at 1.75s omits k2, whose PUT completed at 1.64s",
                "VALID reads return written values, never partial ones: 289 non-empty reads, all of written values"),
                checks("s3/strong", 15, "s3.read-quorum=1"));
        assertEquals(List.of("INVALID linearizable per key (s3-object): key \"k2\": cannot linearize op 771 (process 5 :get"
                        + " [\"k2\" \"c1-64\"], ok) (get \"k2\" returned \"c1-64\" but it held \"c1-69\")",
                "VALID LIST sees every completed write: 84 LISTs checked",
                "VALID reads return written values, never partial ones: 208 non-empty reads, all of written values"),
                checks("s3/strong", 1, "s3.read-quorum=1"));
    }

    @Test
    void legacyFailsBothLinearizabilityAndTheListRule() {
        assertEquals(List.of("INVALID linearizable per key (s3-object): key \"k2\": cannot linearize op 29 (process 1 :get"
                        + " [\"k2\" \"c3-0\"], ok) (get \"k2\" returned \"c3-0\" but it held \"c3-2\")",
                "INVALID LIST sees every completed write: LIST at 1.52s omits k1, whose PUT completed at 1.51s",
                "VALID reads return written values, never partial ones: 246 non-empty reads, all of written values"),
                checks("s3/strong", 0, "s3.consistency=legacy"));
    }

    @Test
    void theNegativeCacheBreaksLinearizabilityNotRuleOne() {
        assertEquals(List.of("INVALID linearizable per key (s3-object): key \"c3/k18\": cannot linearize op 722 (process 2"
                        + " :get [\"c3/k18\" nil], ok) (get \"c3/k18\" returned 404 but it held \"c3-v18\")",
                "VALID reads return written values, never partial ones: 209 non-empty reads, all of written values",
                "VALID new keys: read-after-write unless a GET saw 404 first (A1.2 rule 1): 138 reads of 28 new keys checked"),
                checks("s3/legacy-negative-cache", 0));
    }
}

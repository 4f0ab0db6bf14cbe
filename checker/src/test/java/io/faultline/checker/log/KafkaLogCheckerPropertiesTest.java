package io.faultline.checker.log;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka log checker checked with generated histories (FIDELITY C10): a random concurrent run
 * of producers and consumers against a correct log ({@link KafkaBackground}), then one episode
 * ({@link KafkaEpisodes}) that either plants one anomaly kind, which must be flagged as exactly
 * that kind (plus only its stated consequences), or plays its benign twin (overlapping ops, info
 * outcomes, fresh consumers, offset gaps), and then a consumer that reads every log. Benign
 * histories must be VALID with no anomaly but the allowed int-send-skip. Seeded by
 * {@code -Dfaultline.seed}; each property prints its seed.
 */
class KafkaLogCheckerPropertiesTest {
    private static final int TRIES = 150;
    private static final KafkaLogChecker CHECKER = new KafkaLogChecker();

    /** Every kind the checker can report as a violation (int-send-skip is always allowed). */
    /** The group anomalies are judged over declared groups, which GroupChecksTest builds by hand. */
    /** The transactional kinds are planted by KafkaCycleChecksPropertiesTest. */
    /** Compacted values need record keys, which CompactedTopicTest gives. */
    private static final Set<AnomalyType> PLANTABLE = EnumSet.complementOf(EnumSet.of(AnomalyType.INT_SEND_SKIP,
            AnomalyType.GROUP_POLL_SKIP, AnomalyType.GROUP_NONMONOTONIC_POLL, AnomalyType.G0, AnomalyType.G1B,
            AnomalyType.G1C, AnomalyType.G1C_WW, AnomalyType.G2, AnomalyType.COMPACTED));

    record Case(KafkaBackground.Plan plan, List<AnomalyType> episodes, int key, History history,
                Value planted) {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(plan + ", episodes " + episodes + " on key " + key
                    + ", planted value " + planted + ":\n");
            for (Op op : history) {
                b.append("  ").append(op).append('\n');
            }
            return b.toString();
        }
    }

    private static Gen<Case> cases(List<AnomalyType> kinds, boolean violate) {
        return cases(kinds, violate, false);
    }

    /** With {@code subscribe}, every consumer joins by subscribing instead of assigning. */
    static Gen<Case> cases(List<AnomalyType> kinds, boolean violate, boolean subscribe) {
        Gen<List<AnomalyType>> episodes = violate ? Gen.constant(kinds)
                : Gen.elements(kinds).list(0, 4);
        return Gen.tuple(KafkaBackground.plans(40), episodes, Gen.integers(0, KafkaWorld.KEYS - 1))
                .map(t -> {
                    KafkaWorld w = new KafkaWorld(KafkaBackground.processes(t.first()), subscribe);
                    KafkaBackground.run(w, t.first());
                    Value planted = Value.NIL;
                    for (AnomalyType kind : t.second()) {
                        planted = KafkaEpisodes.play(w, kind, t.third(), violate);
                    }
                    w.drain();
                    return new Case(t.first(), t.second(), t.third(), w.history(), planted);
                });
    }

    @Test
    void benignConcurrencyIsValid() {
        Property.forAll(cases(List.copyOf(PLANTABLE), false))
                .tries(TRIES * 2)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(c.history());
                    for (Anomaly a : r.anomalies()) {
                        // Interleaved sends and polls cut anywhere show as the allowed kinds of C12.4.
                        assertTrue(a.type() == AnomalyType.INT_SEND_SKIP
                                || KafkaCycleChecksPropertiesTest.ALLOWED.contains(a.type()), () -> "false alarm " + a);
                    }
                    assertEquals(Outcome.VALID, r.outcome(), r::summary);
                });
    }

    @ParameterizedTest
    @EnumSource(value = AnomalyType.class, names = {"INT_SEND_SKIP", "GROUP_POLL_SKIP", "GROUP_NONMONOTONIC_POLL",
            "G0", "G1B", "G1C", "G1C_WW", "G2", "COMPACTED"},
            mode = EnumSource.Mode.EXCLUDE)
    void aPlantedAnomalyIsFlaggedAsExactlyItsKind(AnomalyType kind) {
        Property.forAll(cases(List.of(kind), true))
                .named("KafkaLogCheckerPropertiesTest[" + kind.keyword() + "]")
                .tries(TRIES)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(c.history());
                    assertEquals(Outcome.INVALID, r.outcome(), r::summary);
                    assertTrue(r.of(kind).stream().anyMatch(a -> a.values().contains(c.planted())),
                            () -> kind.keyword() + " naming " + c.planted() + " not reported: " + r.anomalies());
                    Set<AnomalyType> allowed = EnumSet.of(kind);
                    allowed.addAll(KafkaEpisodes.consequences(kind));
                    allowed.addAll(KafkaCycleChecksPropertiesTest.ALLOWED);
                    List<Anomaly> other = new ArrayList<>();
                    for (Anomaly a : r.anomalies()) {
                        if (!allowed.contains(a.type())) {
                            other.add(a);
                        }
                    }
                    assertTrue(other.isEmpty(), () -> "besides " + kind.keyword() + ": " + other);
                });
    }
}

package io.faultline.checker.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.gen.Property;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Kafka log checker on histories whose consumers subscribe instead of assigning (FIDELITY C10,
 * {@code :sub-via :subscribe}): the generated runs and episodes of
 * {@link KafkaLogCheckerPropertiesTest}, with every consumer joining by subscribe. A rebalance may
 * move a consumer's position, so poll-skip and nonmonotonic-poll across ops are allowed there: a
 * planted one is still reported, but the history is VALID. Every other planted kind is still
 * flagged as exactly that kind. Seeded by {@code -Dfaultline.seed}; each property prints its seed.
 */
class KafkaSubscribePropertiesTest {
    private static final int TRIES = 100;
    private static final KafkaLogChecker CHECKER = new KafkaLogChecker();

    /** What a rebalance may cause; the checker still lists it, as allowed. */
    private static final Set<AnomalyType> REBALANCE = EnumSet.of(AnomalyType.POLL_SKIP, AnomalyType.NONMONOTONIC_POLL);
    /**
     * Allowed with or without a planted anomaly: interleaved sends, and the group being handed a value
     * by two consumers, the redelivery at-least-once allows (FIDELITY C7.7; the generated consumers
     * all subscribe and each reads from the start).
     */
    private static final Set<AnomalyType> BACKGROUND = EnumSet.of(AnomalyType.INT_SEND_SKIP,
            AnomalyType.GROUP_NONMONOTONIC_POLL, AnomalyType.COMPACTED);

    static {
        BACKGROUND.addAll(KafkaCycleChecksPropertiesTest.ALLOWED);
    }

    @Test
    void theKindsARebalanceExplainsAreAllowedUnderSubscribeOnly() {
        for (AnomalyType t : AnomalyType.values()) {
            assertEquals(BACKGROUND.contains(t) || REBALANCE.contains(t), t.allowed(true), t::keyword);
        }
    }

    @Test
    void benignConcurrencyUnderSubscribeIsValid() {
        List<AnomalyType> all = List.copyOf(EnumSet.complementOf(EnumSet.of(AnomalyType.INT_SEND_SKIP,
                AnomalyType.GROUP_POLL_SKIP, AnomalyType.GROUP_NONMONOTONIC_POLL, AnomalyType.G0,
                AnomalyType.G1B, AnomalyType.G1C, AnomalyType.G1C_WW, AnomalyType.G2, AnomalyType.COMPACTED)));
        Property.forAll(KafkaLogCheckerPropertiesTest.cases(all, false, true))
                .named("KafkaSubscribePropertiesTest[benign]")
                .tries(TRIES * 2)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(c.history());
                    assertTrue(r.subscribe(), "the history subscribes");
                    for (Anomaly a : r.anomalies()) {
                        assertTrue(BACKGROUND.contains(a.type()), () -> "false alarm " + a);
                    }
                    assertEquals(Outcome.VALID, r.outcome(), r::summary);
                });
    }

    @ParameterizedTest
    @EnumSource(value = AnomalyType.class, names = {"INT_SEND_SKIP", "POLL_SKIP", "NONMONOTONIC_POLL",
            "GROUP_POLL_SKIP", "GROUP_NONMONOTONIC_POLL", "G0", "G1B", "G1C", "G1C_WW", "G2", "COMPACTED"},
            mode = EnumSource.Mode.EXCLUDE)
    void aPlantedAnomalyIsStillFlaggedUnderSubscribe(AnomalyType kind) {
        Property.forAll(KafkaLogCheckerPropertiesTest.cases(List.of(kind), true, true))
                .named("KafkaSubscribePropertiesTest[" + kind.keyword() + "]")
                .tries(TRIES)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(c.history());
                    assertEquals(Outcome.INVALID, r.outcome(), r::summary);
                    assertTrue(r.of(kind).stream().anyMatch(a -> a.values().contains(c.planted())),
                            () -> kind.keyword() + " naming " + c.planted() + " not reported: " + r.anomalies());
                    Set<AnomalyType> expected = EnumSet.of(kind);
                    expected.addAll(KafkaEpisodes.consequences(kind));
                    expected.addAll(BACKGROUND);
                    List<Anomaly> other = new ArrayList<>();
                    for (Anomaly a : r.anomalies()) {
                        if (!expected.contains(a.type())) {
                            other.add(a);
                        }
                    }
                    assertTrue(other.isEmpty(), () -> "besides " + kind.keyword() + ": " + other);
                });
    }

    @ParameterizedTest
    @EnumSource(value = AnomalyType.class, names = {"POLL_SKIP", "NONMONOTONIC_POLL"})
    void aSkipOrRepeatAcrossPollsIsReportedButAllowedUnderSubscribe(AnomalyType kind) {
        Property.forAll(KafkaLogCheckerPropertiesTest.cases(List.of(kind), true, true))
                .named("KafkaSubscribePropertiesTest[" + kind.keyword() + " allowed]")
                .tries(TRIES)
                .verify(c -> {
                    LogCheckResult r = CHECKER.check(c.history());
                    assertTrue(r.of(kind).stream().anyMatch(a -> a.values().contains(c.planted())),
                            () -> kind.keyword() + " naming " + c.planted() + " not listed: " + r.anomalies());
                    for (Anomaly a : r.anomalies()) {
                        // A repeat across the group's members is the redelivery at-least-once allows (C7.7).
                        assertTrue(a.type() == kind || BACKGROUND.contains(a.type()),
                                () -> "besides " + kind.keyword() + ": " + a);
                    }
                    assertEquals(Outcome.VALID, r.outcome(), r::summary);
                });
    }
}

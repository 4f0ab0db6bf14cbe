package io.faultline.models.kafka.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version defaults from FIDELITY C2's history column, and one-line errors for bad values. */
class KafkaConfigTest {

    @Test
    void eachVersionHasTheDefaultsOfItsTime() {
        KafkaConfig v010 = KafkaConfig.defaults(KafkaVersion.V0_10);
        assertTrue(v010.uncleanLeaderElection());
        assertEquals(TruncationRule.HIGH_WATERMARK, v010.truncation());
        assertEquals(KafkaConfig.Acks.LEADER, v010.acks());
        assertEquals(10_000, v010.replicaLagTimeMaxMs());
        assertEquals(6_000, v010.sessionTimeoutMs());

        KafkaConfig v011 = KafkaConfig.defaults(KafkaVersion.V0_11);
        assertFalse(v011.uncleanLeaderElection());
        assertEquals(TruncationRule.LEADER_EPOCH, v011.truncation());
        assertEquals(TruncationRule.LARGEST_COMMON_EPOCH, KafkaConfig.defaults(KafkaVersion.V2_0).truncation());

        KafkaConfig v37 = KafkaConfig.defaults(KafkaVersion.V3_7);
        assertEquals(KafkaConfig.Acks.ALL, v37.acks());
        assertTrue(v37.idempotence());
        assertTrue(v37.hwRequiresMinIsr());
        assertEquals(30_000, v37.replicaLagTimeMaxMs());
        assertEquals(ControllerMode.KRAFT, v37.controller());
        assertEquals(9_000, v37.sessionTimeoutMs());
    }

    @Test
    void aKeySetAloneOverridesTheVersionDefault() {
        KafkaConfig c = KafkaConfig.of(Map.of("kafka.version", "0.10", "unclean.leader.election.enable", "false"));
        assertFalse(c.uncleanLeaderElection());
        assertEquals(TruncationRule.HIGH_WATERMARK, c.truncation());
    }

    @Test
    void badValuesNameTheKeyAndTheAllowedRange() {
        var e = assertThrows(io.faultline.sim.BadInputException.class,
                () -> KafkaConfig.of(Map.of("min.insync.replicas", "0")));
        assertEquals("min.insync.replicas: '0' is not an integer in 1..16", e.getMessage());
        e = assertThrows(io.faultline.sim.BadInputException.class, () -> KafkaConfig.of(Map.of("kafka.version", "1.0")));
        assertEquals("kafka.version: '1.0' is not one of 0.8, 0.10, 0.11, 2.0, 3.7, 4.0", e.getMessage());
    }

    @Test
    void aKeyLeftToTheVersionIsShownWithTheValueItResolvesToAndWhereItCameFrom() {
        List<io.faultline.sim.scenario.Setting<?>> schema = KafkaKeys.schema("kafka.version", "0.8", "acks", "all");
        io.faultline.sim.scenario.Settings settings = io.faultline.sim.scenario.Settings.parse(schema,
                List.of("request.timeout.ms=1500"));
        Map<String, String> shown = KafkaConfig.fromSettings(settings).shown(settings);
        assertEquals("0.8 (scenario)", shown.get("kafka.version"));
        assertEquals("all (scenario)", shown.get("acks"));
        assertEquals("1500 (set)", shown.get("request.timeout.ms"));
        assertEquals("10000 (0.8 default)", shown.get("replica.lag.time.max.ms"));
        assertEquals("hw (0.8 default)", shown.get("kafka.truncation"));
        assertTrue(shown.values().stream().noneMatch(v -> v.startsWith(KafkaKeys.BY_VERSION)), shown::toString);
        io.faultline.sim.scenario.Settings plain = io.faultline.sim.scenario.Settings.defaults(KafkaKeys.schema());
        assertEquals("3.7 (default)", KafkaConfig.fromSettings(plain).shown(plain).get("kafka.version"));
        assertEquals("30000 (3.7 default)", KafkaConfig.fromSettings(plain).shown(plain).get("replica.lag.time.max.ms"));
    }

    @Test
    void versionRestoresTheVersionDefaultButIsNotListedAsAValue() {
        List<io.faultline.sim.scenario.Setting<?>> schema = KafkaKeys.schema("acks", "1");
        io.faultline.sim.scenario.Settings restored = io.faultline.sim.scenario.Settings.parse(schema, List.of("acks=version"));
        assertEquals(KafkaConfig.Acks.ALL, KafkaConfig.fromSettings(restored).acks());
        var acks = schema.stream().filter(s -> s.key().equals("acks")).findFirst().orElseThrow();
        assertEquals("0, 1, all, -1", acks.allowed());
        var e = assertThrows(io.faultline.sim.BadInputException.class, () -> acks.parse("2"));
        assertEquals("acks: '2' is not one of 0, 1, all, -1", e.getMessage());
        for (var s : schema) {
            assertFalse(s.allowed().contains(KafkaKeys.BY_VERSION) || s.description().contains(KafkaKeys.BY_VERSION + " or"),
                    s::summary);
        }
    }

    @Test
    void kafka40HasNoZooKeeper() {
        var e = assertThrows(io.faultline.sim.BadInputException.class,
                () -> KafkaConfig.of(Map.of("kafka.version", "4.0", "kafka.controller", "zookeeper")));
        assertTrue(e.getMessage().contains("KRaft-only"));
        assertEquals(ControllerMode.ZOOKEEPER,
                KafkaConfig.of(Map.of("kafka.version", "3.7", "kafka.controller", "zookeeper")).controller());
    }

    @Test
    void idempotenceConflictsAreAnErrorOnlyWhenSetExplicitly() {
        KafkaConfig silent = KafkaConfig.of(Map.of("acks", "1"));
        assertFalse(silent.idempotence(), "C6: silently disabled when it was only the default");
        assertThrows(io.faultline.sim.BadInputException.class,
                () -> KafkaConfig.of(Map.of("acks", "1", "enable.idempotence", "true")));
        assertThrows(io.faultline.sim.BadInputException.class,
                () -> KafkaConfig.of(Map.of("kafka.version", "0.10", "enable.idempotence", "true", "acks", "all")));
    }
}

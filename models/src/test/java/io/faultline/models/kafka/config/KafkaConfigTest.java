package io.faultline.models.kafka.config;

import org.junit.jupiter.api.Test;

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
        assertEquals("min.insync.replicas=0: allowed an integer in [1, 16]", e.getMessage());
        e = assertThrows(io.faultline.sim.BadInputException.class, () -> KafkaConfig.of(Map.of("kafka.version", "1.0")));
        assertTrue(e.getMessage().startsWith("kafka.version=1.0"));
        assertTrue(e.getMessage().contains("0.8|0.10|0.11|2.0|3.7|4.0"));
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

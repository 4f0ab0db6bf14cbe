package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RunRequestTest {
    private static String path(Map<String, String> settings, Optional<String> duration) {
        return new RunRequest("kafka/jepsen-2013", 1, settings, duration).defaultReportPath();
    }

    @Test
    void theDefaultRunIsNamedByScenarioAndSeed() {
        assertEquals("reports/kafka-jepsen-2013-1.html", path(Map.of(), Optional.empty()));
    }

    @Test
    void runsWithOtherSettingsGetTheirOwnReport() {
        String acks = path(Map.of("acks", "1"), Optional.empty());
        assertTrue(acks.matches("reports/kafka-jepsen-2013-1-set-[0-9a-f]{8}\\.html"), acks);
        assertNotEquals(acks, path(Map.of("acks", "all"), Optional.empty()));
        assertNotEquals(acks, path(Map.of("acks", "1"), Optional.of("2m")));
        assertNotEquals(path(Map.of(), Optional.of("2m")), path(Map.of(), Optional.empty()));
    }

    @Test
    void theOrderSettingsWereTypedInDoesNotMatter() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("acks", "1");
        ab.put("retries", "3");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("retries", "3");
        ba.put("acks", "1");
        assertEquals(path(ab, Optional.empty()), path(ba, Optional.empty()));
    }
}

package io.faultline.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.faultline.checker.Outcome;
import io.faultline.report.CheckLine;
import io.faultline.report.RunSummary;
import io.faultline.report.Table;

class JsonSummaryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void runHasTheDocumentedFieldsInOrder() throws Exception {
        RunSummary s = new RunSummary("demo/echo", 7, Outcome.INVALID,
                List.of(new CheckLine("echoed", Outcome.INVALID, "lost \"x\"")), List.of(), "ab12", 10, 5_000, 3,
                0, Optional.of("reports/demo-echo-7.html"));
        String line = JsonSummary.run(s);
        assertFalse(line.contains("\n"), "one line");
        JsonNode n = MAPPER.readTree(line);
        List<String> names = MAPPER.convertValue(n, Map.class).keySet().stream().map(Object::toString).toList();
        assertEquals(List.of("scenario", "seed", "verdict", "checks", "traceHash", "events", "simulatedNanos",
                "wallMillis", "report"), names);
        assertEquals("INVALID", n.get("verdict").asText());
        assertEquals("lost \"x\"", n.get("checks").get(0).get("detail").asText());
        assertEquals(7, n.get("seed").asLong());
    }

    @Test
    void findingsAreOneObjectPerRowKeyedByColumn() throws Exception {
        Table lost = new Table("Lost and duplicated records", List.of("record", "value", "leader"),
                List.of(List.of("lost", "1000243", "b1"), List.of("duplicated", "1000218", "b2")));
        RunSummary s = new RunSummary("kafka/jepsen-2013", 1, Outcome.INVALID, List.of(), List.of(lost), "ab12", 10, 5_000,
                3, 0, Optional.empty());
        JsonNode n = MAPPER.readTree(JsonSummary.run(s));
        JsonNode rows = n.get("findings").get("Lost and duplicated records");
        assertEquals(2, rows.size());
        assertEquals("lost", rows.get(0).get("record").asText());
        assertEquals("1000243", rows.get(0).get("value").asText());
        assertEquals("b2", rows.get(1).get("leader").asText());
        RunSummary none = new RunSummary("kafka/safe", 1, Outcome.VALID, List.of(), List.of(new Table("Lost and duplicated"
                + " records", List.of("record"), List.of())), "ab12", 10, 5_000, 3, 0, Optional.empty());
        assertEquals(0, MAPPER.readTree(JsonSummary.run(none)).get("findings").get("Lost and duplicated records").size(),
                "an empty finding is listed as such: nothing was lost");
        assertFalse(MAPPER.readTree(JsonSummary.run(new RunSummary("demo/echo", 7, Outcome.VALID, List.of(), List.of(), "ab12",
                10, 5_000, 3, 0, Optional.empty()))).has("findings"), "a scenario without findings prints none");
    }

    @Test
    void runWithoutReportOmitsTheField() throws Exception {
        RunSummary s = new RunSummary("demo/echo", 7, Outcome.VALID, List.of(), List.of(), "ab12", 10, 5_000, 3, 0, Optional.empty());
        assertFalse(MAPPER.readTree(JsonSummary.run(s)).has("report"));
    }

    @Test
    void thePeakHeapIsPrintedOnlyWhenMeasured() throws Exception {
        RunSummary s = new RunSummary("demo/echo", 7, Outcome.VALID, List.of(), List.of(), "ab12", 10, 5_000, 3, 0, Optional.empty());
        assertFalse(MAPPER.readTree(JsonSummary.run(s)).has("peakHeapBytes"), "a sweep's runs measure none");
        assertEquals(123_456_789L, MAPPER.readTree(JsonSummary.run(s.withPeakHeap(123_456_789L))).get("peakHeapBytes").asLong());
    }

    @Test
    void sweepSummaryCountsEveryOutcomeAndListsFailures() throws Exception {
        JsonNode n = MAPPER.readTree(JsonSummary.sweepSummary(new JsonSummary.Sweep("demo/echo", 100, 3,
                Map.of(Outcome.VALID, 2, Outcome.UNKNOWN, 1),
                List.of(new JsonSummary.FailingSeed(101, Outcome.UNKNOWN, "./faultline run demo/echo --seed 101")), 9)));
        assertEquals(true, n.get("summary").asBoolean());
        assertEquals(0, n.get("counts").get("INVALID").asInt());
        assertEquals("UNKNOWN", n.get("verdict").asText());
        assertEquals(101, n.get("failing").get(0).get("seed").asLong());
    }
}

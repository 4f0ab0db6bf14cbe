package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryGens;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;

/**
 * Seeded properties: any history written as JSON Lines, or printed as EDN op maps the way Jepsen
 * writes them, reads back as the same history. The seed is printed; replay with
 * {@code -Dfaultline.seed=N}.
 */
class HistoryRoundTripTest {
    private static final Gen<History> HISTORIES = HistoryGens.OPS.list(0, 12).map(History::of);

    @Test
    void jsonLinesReadBackWhatWasWritten() {
        Property.forAll(HISTORIES).tries(200).verify(h -> assertEquals(h,
                HistoryReaders.parse("h.jsonl", JsonLinesHistoryWriter.toText(h), HistoryFormat.JSONL).history()));
    }

    @Test
    void ednOpMapsReadBackAsTheSameHistory() {
        Property.forAll(HISTORIES).tries(200).verify(h -> {
            StringBuilder edn = new StringBuilder("[");
            h.forEach(op -> edn.append(op).append('\n'));
            edn.append(']');
            assertEquals(h, HistoryReaders.parse("h.edn", edn.toString(), HistoryFormat.EDN).history());
        });
    }

    @Test
    void everyValueSurvivesEdnAndJson() {
        Property.forAll(HistoryGens.values(3)).tries(300).verify(v -> {
            assertEquals(v, EdnValues.parse("v", EdnValues.print(v)));
            assertEquals(v, JsonValues.fromJson(JsonValues.toJson(v)));
        });
    }
}

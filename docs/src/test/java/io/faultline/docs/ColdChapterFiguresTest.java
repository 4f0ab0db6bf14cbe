package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Table;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures of docs/cold-data.adoc, from seed 0 of two scenarios (see {@link Figures}). */
class ColdChapterFiguresTest {

    @Test
    void retrievalTimesPerTier() {
        RunResult r = Figures.runAndPublish("glacier/retrieval-tiers", 0, Optional.empty());
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertEquals(3, r.series().size(), "one series per tier: " + r.series());
        Figures.snippet("glacier-tiers.adoc", Figures.svg("Glacier retrieval completion times per tier",
                "percentile of the tier's jobs", r.series(), "tiers"));
    }

    @Test
    void aYearOfLifecycleAndItsBill() {
        RunResult r = Figures.runAndPublish("s3/lifecycle-to-glacier", 0, Optional.of("400d"));
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        Table yearly = Figures.table(r, "Yearly cost");
        assertEquals(2, yearly.rows().size(), yearly.toString());
        String command = "./faultline run s3/lifecycle-to-glacier --seed 0 --duration 400d";
        Figures.snippet("lifecycle-bill.adoc", Figures.asciidoc(Figures.table(r, "Storage bill"), command)
                + "\n" + Figures.asciidoc(yearly, command)
                + "\n" + Figures.asciidoc(Figures.table(r, "Lifecycle transitions"), command));
        assertTrue(r.series().stream().anyMatch(s -> s.name().equals("GB in GLACIER")), r.series().toString());
        Figures.snippet("lifecycle-gb.adoc", Figures.svg("GB per storage class over 400 virtual days", "virtual day", r.series(), "gb"));
    }
}

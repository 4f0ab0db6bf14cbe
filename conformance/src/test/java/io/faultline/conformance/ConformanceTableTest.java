package io.faultline.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs table: rows in case order from the JSON results, nothing at all when there are none. */
class ConformanceTableTest {
    @TempDir
    Path dir;

    @Test
    void noResultsNoTable() {
        Path out = dir.resolve("gen/table.adoc");
        assertEquals(Optional.empty(), ConformanceTable.generate(dir.resolve("results"), out));
        assertTrue(Files.notExists(out));
    }

    @Test
    void rowsInCaseOrderWithPipesEscapedAndUncheckedRowsSaySo() throws Exception {
        Path results = dir.resolve("results");
        new CaseResult("c2-b", "second", 7, "m2", "r2", "agree", false, "cmd2", List.of("real timing: x|y")).write(results);
        new CaseResult("c1-a", "first", 7, "m1", "r1", "agree", true, "cmd1", List.of()).write(results);
        Path out = ConformanceTable.generate(results, dir.resolve("gen/table.adoc")).orElseThrow();
        String t = Files.readString(out);
        assertTrue(t.indexOf("c1-a: first") < t.indexOf("c2-b: second"), t);
        assertTrue(t.contains("|not compared: real timing: x\\|y"), t);
        assertTrue(t.contains("|m1 (seed 7)"), t);
        assertTrue(t.startsWith("// Generated") && t.trim().endsWith("|==="), t);
    }
}

package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.faultline.junit.SeedFailure;
import io.faultline.junit.SimulationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * "Testing your own system", a catalog scenario by name: the example runs, and finds what the chapter
 * says it finds; the {@code SimulationTest} Javadoc shows the same text.
 */
class CatalogScenarioExampleTest {

    @Test
    void theBroadcastExampleFindsTheCrashThatLosesAckedValues() {
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(CatalogScenarioExamples.class, "everyAckedValueArrives",
                        "io.faultline.sim.scenario.RunResult"))
                .execute().testEvents().failed().list();
        assertEquals(1, failed.size(), "stops at the first failing seed");
        Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        SeedFailure f = assertInstanceOf(SimulationFailure.class, t).failure();
        System.out.println("[docs] " + t.getMessage().replace("\n", "\n[docs] "));
        // What the chapter says: seed 2, the progress check, one short server crash after the shrink.
        assertEquals(2, f.seed());
        assertTrue(t.getMessage().contains("no progress within"), t.getMessage());
        assertEquals(1, f.shrunk().size(), f.shrunk().render());
        assertTrue(f.shrunk().render().contains("crash"), f.shrunk().render());
    }

    @Test
    void theJavadocShowsTheExampleTheBuildRuns() throws IOException {
        String javadoc = Files.readString(Path.of("../junit/src/main/java/io/faultline/junit/SimulationTest.java"));
        Matcher m = Pattern.compile("<pre>\\{@code\\n(( \\* @SimulationTest\\(scenario.*?\\n)+?) \\* }</pre>", Pattern.DOTALL)
                .matcher(javadoc);
        assertTrue(m.find(), "the SimulationTest Javadoc has its catalog-scenario example");
        String shown = m.group(1).lines().map(l -> l.replaceFirst("^ \\* ?", "")).collect(Collectors.joining("\n"));
        String example = Files.readString(Path.of("src/test/java/io/faultline/docs/CatalogScenarioExamples.java"));
        String tagged = example.substring(example.indexOf("// tag::catalog-scenario[]\n") + 27,
                example.indexOf("    // end::catalog-scenario[]")).lines().map(l -> l.replaceFirst("^    ", ""))
                .collect(Collectors.joining("\n"));
        assertEquals(tagged, shown);
    }
}

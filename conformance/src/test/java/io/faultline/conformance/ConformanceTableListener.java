package io.faultline.conformance;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the docs' conformance table once every test of the run has finished, from the results the
 * conformance tests left (registered through {@code META-INF/services}).
 */
public final class ConformanceTableListener implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        ConformanceTable.generate(Conformance.resultsDir(),
                        Conformance.outputDir().resolve("generated-docs").resolve("conformance-table.adoc"))
                .ifPresent(p -> System.out.println("conformance: table written to " + p));
    }
}

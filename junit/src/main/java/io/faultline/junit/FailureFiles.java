package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.ScheduleJson;
import io.faultline.report.HtmlReport;
import io.faultline.report.RunSummary;
import io.faultline.report.run.RunReports;
import io.faultline.sim.scenario.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes what a failing seed leaves behind: the shrunk schedule as JSON and the HTML report of the
 * shrunk run, under {@code target/faultline/<class>.<method>/} (or {@code -Dfaultline.junit.dir}).
 */
final class FailureFiles {
    static final String DIR_PROPERTY = "faultline.junit.dir";

    private FailureFiles() {
    }

    static Path directory(String testClass, String method) {
        Path root = Path.of(System.getProperty(DIR_PROPERTY, "target/faultline"));
        return root.resolve(safe(testClass + "." + method));
    }

    static Path writeSchedule(Path dir, long seed, FaultSchedule schedule) {
        Path file = dir.resolve("seed-" + seed + "-faults.json");
        ScheduleJson.write(schedule, file);
        return file;
    }

    /** The report of the run; empty (and said in the message) if it could not be written. */
    static Optional<Path> writeReport(Path dir, RunResult result, String description, String replay) {
        Path file = dir.resolve("seed-" + result.seed() + ".html");
        try {
            RunSummary summary = RunReports.summary(result, 0).withReport(file.toString());
            HtmlReport.write(RunReports.report(result, summary, description, replay), file);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}

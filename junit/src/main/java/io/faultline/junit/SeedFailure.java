package io.faultline.junit;

import io.faultline.faults.FaultSchedule;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a failing seed of a {@link SimulationTest} left behind: which check failed and how, the
 * schedule it failed under, the smallest schedule shrinking found, the files written, and the
 * annotation that replays it.
 *
 * <pre>{@code
 * SeedFailure f = ((SimulationFailure) error).failure();
 * f.seed();                 // 17
 * f.shrunk().size();        // 2
 * f.replayAnnotation();     // @Replay(seed = 17, faults = "@1.2s partition ...; @1.4s crash host:r0 for 20ms")
 * }</pre>
 *
 * @param seed          the failing seed
 * @param check         what failed: a check's name, or the exception a method's assertion threw
 * @param detail        the check's detail or the exception's message, in the shrunk run
 * @param original      the schedule the seed ran under
 * @param shrunk        the smallest schedule that still fails the same check
 * @param reruns        how many reruns shrinking took
 * @param scheduleFile  the shrunk schedule as a JSON file
 * @param report        the HTML report of the shrunk run, if the report could be written
 * @param traceHash     the trace hash of the shrunk run
 * @param shrunkRun     the events, faults and virtual time of the shrunk run
 * @param settings      a catalog scenario's settings that shrinking made smaller, as {@code key=value}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SeedFailure(long seed, String check, String detail, FaultSchedule original, FaultSchedule shrunk,
        int reruns, Path scheduleFile, Optional<Path> report, String traceHash, RunFigures shrunkRun,
        java.util.List<String> settings) {

    public SeedFailure {
        settings = java.util.List.copyOf(settings);
    }

    /** The annotation that reruns exactly this case, ready to paste above the test method. */
    public String replayAnnotation() {
        String text = quote(io.faultline.faults.ScheduleText.oneLine(shrunk));
        StringBuilder b = new StringBuilder("@Replay(seed = ").append(seed).append(", faults = \"").append(text).append('"');
        if (!settings.isEmpty()) {
            b.append(", settings = {");
            for (int i = 0; i < settings.size(); i++) {
                b.append(i == 0 ? "\"" : ", \"").append(quote(settings.get(i))).append('"');
            }
            b.append('}');
        }
        return b.append(')').toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * The failure as people read it in the IDE and in Surefire's report. Its figures are the shrunk
     * run's, as in the report next to it: the original run is gone once shrinking found a smaller one.
     */
    public String message() {
        StringBuilder b = new StringBuilder();
        b.append("seed ").append(seed).append(" failed: ").append(check).append(": ").append(detail).append('\n');
        b.append(original.equals(shrunk) && settings.isEmpty() ? "the run: " : "the shrunk run: ")
                .append(shrunkRun.text()).append('\n');
        if (original.equals(shrunk)) {
            b.append("fault schedule (").append(count(shrunk)).append("), not shrunk:\n");
        } else {
            b.append("fault schedule shrunk from ").append(count(original)).append(" to ").append(count(shrunk))
                    .append(" in ").append(reruns).append(" reruns:\n");
        }
        for (String line : shrunk.render().split("\n")) {
            b.append("  ").append(line).append('\n');
        }
        if (!settings.isEmpty()) {
            b.append("with smaller settings: ").append(String.join(" ", settings)).append('\n');
        }
        b.append("schedule file: ").append(scheduleFile).append('\n');
        report.ifPresent(r -> b.append("report: ").append(r).append('\n'));
        b.append("replay it with:\n  ").append(replayAnnotation());
        return b.toString();
    }

    private static String count(FaultSchedule s) {
        return s.size() == 1 ? "1 event" : s.size() + " events";
    }
}

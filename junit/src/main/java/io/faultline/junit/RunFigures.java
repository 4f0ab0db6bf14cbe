package io.faultline.junit;

import io.faultline.sim.SimTime;
import io.faultline.sim.TraceKind;
import io.faultline.sim.scenario.RunResult;
import org.apiguardian.api.API;

/**
 * The size of one run, as a failure header states it: the events it processed, the faults it
 * applied and the virtual time it reached. A {@link SeedFailure} gives these of the shrunk run, the
 * one its report and its replay annotation show, so that the header and the report agree.
 *
 * @param events         events processed
 * @param faults         faults and heals applied (the trace's FAULT records)
 * @param simulatedNanos virtual time reached
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunFigures(long events, long faults, long simulatedNanos) {

    /** The figures of {@code result}. */
    public static RunFigures of(RunResult result) {
        return new RunFigures(result.eventCount(), result.eventCounts().getOrDefault(TraceKind.FAULT, 0L),
                result.simulatedNanos());
    }

    /** E.g. {@code 4012 events, 2 faults, 2s simulated}. */
    public String text() {
        return events + (events == 1 ? " event, " : " events, ") + faults + (faults == 1 ? " fault, " : " faults, ")
                + SimTime.format(simulatedNanos) + " simulated";
    }
}

package io.faultline.cli.run;

import java.util.concurrent.Callable;

import picocli.CommandLine;

import io.faultline.cli.ExitCodes;

/**
 * What {@code run} and {@code sweep} share besides their options ({@link ScenarioOptions}): the
 * seam to the simulation kernel, picocli's view of the command (for its output stream) and the
 * scenario options mixed in, and the rule that running out of memory is one line and exit 4.
 */
abstract class ScenarioCommand implements Callable<Integer> {
    final Runner runner;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ScenarioOptions target = new ScenarioOptions();

    ScenarioCommand(Runner runner) {
        this.runner = runner;
    }

    /** The command's work; returns its exit code. */
    abstract int execute();

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (OutOfMemoryError e) {
            return outOfMemory();
        } catch (RuntimeException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError) {
                    return outOfMemory();   // from a sweep's worker thread
                }
            }
            throw e;
        }
    }

    private int outOfMemory() {
        // The run's objects are unreachable once its stack unwound, so this line can be printed.
        spec.commandLine().getErr().println("faultline: out of memory (the run keeps its history and trace in memory;"
                + " use a shorter --duration, fewer --seeds or --parallel, or a larger heap: FAULTLINE_JAVA_OPTS=-Xmx8g)");
        spec.commandLine().getErr().flush();
        return ExitCodes.INTERNAL;
    }
}

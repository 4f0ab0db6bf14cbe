package io.faultline.cli.run;

import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * What {@code run} and {@code sweep} share besides their options ({@link ScenarioOptions}): the
 * seam to the simulation kernel, picocli's view of the command (for its output stream) and the
 * scenario options mixed in.
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
}

package io.faultline.cli.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.apiguardian.api.API;

/**
 * {@code faultline list}: every scenario of every catalog, sorted by name, with a one-line
 * description.
 */
@Command(name = "list", description = "List the scenarios, one line each.", mixinStandardHelpOptions = true)
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ListCommand implements Callable<Integer> {
    private final Runner runner;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ListCommand() {
        this(KernelRunner.shared());
    }

    ListCommand(Runner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ScenarioInfo> scenarios = runner.scenarios();
        int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (ScenarioInfo s : scenarios) {
            out.printf("%-" + Math.max(1, width) + "s  %s%n", s.name(), firstLine(s.description()));
        }
        if (scenarios.isEmpty()) {
            out.println("(no scenarios found: no catalog on the class path)");
        }
        out.flush();
        return 0;
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}

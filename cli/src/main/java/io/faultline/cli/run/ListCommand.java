package io.faultline.cli.run;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
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
        print(spec.commandLine().getOut(), runner);
        return 0;
    }

    /**
     * {@code faultline list} without picocli, for a command line that is exactly {@code list}:
     * building picocli's model reads the commands' annotations, and the JDK makes a proxy class for
     * each annotation type, about half of the command's start-up (bench/README.md, "Start-up"). The
     * same listing as {@link #call()}, to standard output with picocli's default encoding.
     */
    public static int printBare() {
        Runner runner = KernelRunner.shared();
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        print(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, charset)), true), runner);
        return 0;
    }

    private static void print(PrintWriter out, Runner runner) {
        List<ScenarioInfo> scenarios = runner.scenarios();
        int width = scenarios.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (ScenarioInfo s : scenarios) {
            out.printf("%-" + Math.max(1, width) + "s  %s%n", s.name(), firstLine(s.description()));
        }
        if (scenarios.isEmpty()) {
            out.println("(no scenarios found: no catalog on the class path)");
        }
        out.flush();
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}

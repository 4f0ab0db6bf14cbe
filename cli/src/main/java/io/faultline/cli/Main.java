package io.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.apiguardian.api.API;

/**
 * Entry point of the {@code faultline} command. Each subcommand is a class of its own; add yours to
 * {@code subcommands} below.
 *
 * <p>Exit codes: 0 every check valid, 1 a check found a violation, 2 bad input, 3 unknown (a bound or
 * budget was hit), 4 internal error.
 */
@Command(name = "faultline",
        mixinStandardHelpOptions = true,
        version = "faultline 0.1.0",
        description = "A deterministic simulator and test kit for distributed data systems.",
        footer = {"", "Every command answers --help and --version. Seeds (run --seed, sweep --from, matrix --from)"
            + " are whole numbers from 0 to 9223372036854775807; a negative seed is bad input (exit 2)."},
        subcommands = {
            CommandLine.HelpCommand.class,
            io.faultline.cli.run.ListCommand.class, io.faultline.cli.run.RunCommand.class, io.faultline.cli.run.SweepCommand.class,
            io.faultline.cli.run.MatrixCommand.class, io.faultline.cli.run.DescribeCommand.class,
            CheckCommand.class, ServeCommand.class,
            io.faultline.cli.lab.LabCommand.class, io.faultline.cli.lab.GradeCommand.class,
        })
@API(status = API.Status.STABLE, since = "0.1")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting (for tests). */
    public static int execute(String... args) {
        return ExitCodes.configure(new CommandLine(new Main())).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

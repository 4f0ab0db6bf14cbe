package io.faultline.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.apiguardian.api.API;

/**
 * Entry point of the {@code faultline} command. Each subcommand is a class of its own; add yours to
 * {@code SUBCOMMANDS} below.
 *
 * <p>Exit codes: 0 every check valid, 1 a check found a violation, 2 bad input, 3 unknown (a bound or
 * budget was hit), 4 internal error.
 */
@Command(name = "faultline",
        mixinStandardHelpOptions = true,
        version = "faultline 0.1.0",
        description = "A deterministic simulator and test kit for distributed data systems.",
        footer = {"", "Every command answers --help and --version. Seeds (run --seed, sweep --from, matrix --from)"
            + " are whole numbers from 0 to 9223372036854775807; a negative seed is bad input (exit 2)."})
@API(status = API.Status.STABLE, since = "0.1")
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * The subcommands by name, in the order help lists them. Made on demand: picocli reads every
     * command's annotations by reflection when it builds the model, most of a short command's start-up
     * (bench/README.md, "Start-up"), so a command line that names one subcommand builds only that one.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
        SUBCOMMANDS.put("list", io.faultline.cli.run.ListCommand::new);
        SUBCOMMANDS.put("run", io.faultline.cli.run.RunCommand::new);
        SUBCOMMANDS.put("sweep", io.faultline.cli.run.SweepCommand::new);
        SUBCOMMANDS.put("matrix", io.faultline.cli.run.MatrixCommand::new);
        SUBCOMMANDS.put("describe", io.faultline.cli.run.DescribeCommand::new);
        SUBCOMMANDS.put("check", CheckCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("lab", io.faultline.cli.lab.LabCommand::new);
        SUBCOMMANDS.put("grade", io.faultline.cli.lab.GradeCommand::new);
    }

    /**
     * Runs the command line and returns its exit code, without exiting (for tests). A bare
     * {@code list}, the command people type most to see what there is, skips picocli: building its
     * model costs more than the listing (bench/README.md, "Start-up"). Anything else, {@code list
     * --help} included, goes through picocli; so does a listing that fails, for picocli's error output.
     */
    public static int execute(String... args) {
        if (args.length == 1 && args[0].equals("list")) {
            try {
                return io.faultline.cli.run.ListCommand.printBare();
            } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                // Nothing was printed (the catalogs are read first): picocli reports it as for any command.
            }
        }
        return commandLine(args).execute(args);
    }

    /**
     * The command line for these arguments: with only the subcommand they name, or with all of them
     * when they name none (top-level help, {@code help CMD}, a mistyped name that picocli answers with
     * the list of commands).
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        return ExitCodes.configure(cl);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

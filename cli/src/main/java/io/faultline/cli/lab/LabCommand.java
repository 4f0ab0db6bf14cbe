package io.faultline.cli.lab;

import io.faultline.cli.ExitCodes;
import io.faultline.labs.Lab;
import io.faultline.labs.Labs;
import io.faultline.labs.grade.LabInit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code faultline lab list} and {@code faultline lab init LAB DIR}. */
@Command(name = "lab", description = "The classroom's labs: list them, or write a lab's student project.",
        mixinStandardHelpOptions = true, subcommands = {LabCommand.ListLabs.class, LabCommand.Init.class})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List the labs, one line each.", mixinStandardHelpOptions = true)
    static final class ListLabs implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int width = Labs.all().stream().mapToInt(l -> l.name().length()).max().orElse(1);
            for (Lab l : Labs.all()) {
                out.printf("%-" + width + "s  %s (%d graded tests)%n", l.name(), l.title(), l.tests().size());
            }
            out.flush();
            return ExitCodes.VALID;
        }
    }

    @Command(name = "init", description = "Write LAB's student project into DIR (absent or empty): the skeleton,"
            + " the public tests and a Maven POM.", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        LabAndDir args;

        @Override
        public Integer call() {
            Lab l = LabNames.lab(args.lab);
            Path dir = args.dir;
            List<Path> files;
            try {
                files = LabInit.write(l, dir);
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.BadInput(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote the " + l.name() + " project (" + files.size() + " files) into " + dir);
            out.println("write " + dir.resolve(l.skeleton().get(2)) + ", then: faultline grade " + l.name() + " " + dir);
            out.flush();
            return ExitCodes.VALID;
        }
    }
}

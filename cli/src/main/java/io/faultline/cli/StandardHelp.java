package io.faultline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command answers {@code --help}/{@code -h} and {@code --version}/{@code -V}, whatever its
 * required options: a newcomer's first try is {@code faultline check --help}, and it must not be
 * refused for a missing {@code --model}. A command that declares no help options gets picocli's
 * standard ones, and every command prints the version of the whole tool.
 */
final class StandardHelp {
    private StandardHelp() {
    }

    static CommandLine everywhere(CommandLine root) {
        String[] version = root.getCommandSpec().version();
        for (CommandLine sub : root.getSubcommands().values()) {
            add(sub, version);
        }
        return root;
    }

    private static void add(CommandLine cl, String[] version) {
        CommandSpec spec = cl.getCommandSpec();
        // The help subcommand has its own -h; adding the standard options again would clash.
        if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        if (spec.version().length == 0) {
            spec.version(version);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            add(sub, version);
        }
    }
}

package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every command, present and future, answers {@code --help}, {@code -h} and {@code --version}
 * without its required options, and picocli's own messages for bad options read like ours.
 */
class EveryCommandAnswersHelpTest {

    private static List<String> commands() {
        return Main.commandLine().getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help")).toList();
    }

    @Test
    void helpAndVersionWorkOnEveryCommand() {
        String version = CheckRun.of("--version").out();
        assertTrue(version.matches("faultline \\S+\\n"), version);
        List<String> names = commands();
        assertTrue(names.containsAll(List.of("check", "run", "sweep", "list", "matrix")), names.toString());
        for (String name : names) {
            for (String flag : new String[] {"--help", "-h"}) {
                CheckRun r = CheckRun.of(name, flag);
                assertEquals(0, r.exit(), name + " " + flag + ": " + r);
                assertTrue(r.out().startsWith("Usage: faultline " + name), name + " " + flag + ": " + r);
            }
            CheckRun v = CheckRun.of(name, "--version");
            assertEquals(0, v.exit(), name + " --version: " + v);
            assertEquals(version, v.out(), name + " --version");
        }
    }

    @Test
    void aSettingWithoutEqualsIsNamedPlainly() {
        CheckRun r = CheckRun.of("run", "demo/broadcast", "--set", "nodes");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("faultline: --set: expected KEY=VALUE, found 'nodes' (see 'faultline run --help')\n", r.err());
    }

    @Test
    void optionErrorsNameNoJavaException() {
        assertEquals("Invalid value for option '--x': cannot convert 'a' to Path (Nul character not allowed)",
                ExitCodes.plain("Invalid value for option '--x': cannot convert 'a' to Path"
                        + " (java.nio.file.InvalidPathException: Nul character not allowed)"));
        CheckRun r = CheckRun.of("check", "--model", "register", "a\0b");
        assertEquals(2, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertFalse(r.err().contains("java.") || r.err().contains("Exception") || r.err().contains("\0"), r.toString());
    }

    @Test
    void negativeSeedsAreRejectedNamingTheRange() {
        for (String[] args : new String[][] {{"run", "demo/broadcast", "--seed", "-1"},
                {"sweep", "demo/broadcast", "--seeds", "2", "--from", "-1"}}) {
            CheckRun r = CheckRun.of(args);
            assertEquals(2, r.exit(), r.toString());
            assertEquals("faultline: seed -1: a seed is a whole number from 0 to 9223372036854775807"
                    + " (negative seeds are not accepted)\n", r.err());
        }
        assertTrue(CheckRun.of("--help").out().replaceAll("\\s+", " ").contains("a negative seed is bad input (exit 2)"),
                "documented in --help");
    }
}

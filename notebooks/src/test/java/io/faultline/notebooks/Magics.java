package io.faultline.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rapaio kernel's magics and built-ins, as the jshell route emulates them. The notebooks use only
 * what is emulated here, so that both routes run the same cells:
 * <ul>
 * <li>{@code %jar PATH}: adds a jar to the class path, PATH relative to the notebook's folder (the
 * kernel's working directory). Emulated by {@code JShell.addToClasspath}.</li>
 * <li>{@code %load PATH.jsh}: runs a JShell script, PATH relative to the notebook's folder. Emulated
 * by running the script's text as if it were written in the cell, where the magic stands.</li>
 * <li>{@code display(Object)} and {@code display(String mime, Object)}: the kernel's
 * {@code org.rapaio.jupyter.kernel.global.Global} statics, imported by its init script. Emulated by
 * methods of the same signatures that print the value between {@link #OPEN} and {@link #CLOSE}
 * marks, which the route then cuts out of the printed text as a display output.</li>
 * <li>The init script's imports ({@code java.util.*}, {@code java.io.*}, ...), evaluated first.</li>
 * </ul>
 * Any other magic ({@code %dependency}, {@code %%bash}, ...) fails the cell with a message naming it.
 */
final class Magics {
    static final String OPEN = "\u001e<display ";
    static final String CLOSE = "\u001e>";

    /** The kernel's init.jshell imports, then the display emulation. */
    static final List<String> PRELUDE = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            // One name per snippet: inside a snippet's class, its own method name hides another snippet's overload.
            "String faultlineDisplay(String mime, Object value) { System.out.print(\"" + escape(OPEN)
                    + "\" + mime + \">\" + value + \"" + escape(CLOSE) + "\"); return \"\"; }",
            "String display(String mime, Object value) { return faultlineDisplay(mime, value); }",
            "String display(Object value) { return faultlineDisplay(\"text/plain\", value); }");

    private Magics() {
    }

    /**
     * Splits a cell's magic lines from its Java: applies each magic, returns the Java left.
     *
     * @throws AssertionError naming a magic the route does not emulate, or a missing jar
     */
    static String apply(Cell.Code cell, Path notebookDir, Consumer<Path> addJar) {
        List<String> java = new ArrayList<>();
        for (String line : cell.source().lines().toList()) {
            String t = line.strip();
            if (!t.startsWith("%")) {
                java.add(line);
                continue;
            }
            String[] words = t.split("\\s+", 2);
            Path file = words.length < 2 ? notebookDir : notebookDir.resolve(words[1].strip()).normalize();
            switch (words[0]) {
                case "%jar" -> addJar.accept(existing(file, t, cell));
                case "%load" -> {
                    try {
                        java.add(Files.readString(existing(file, t, cell)));
                    } catch (java.io.IOException e) {
                        throw new AssertionError("code cell " + cell.number() + ": " + t + ": " + e.getMessage(), e);
                    }
                }
                default -> throw new AssertionError("code cell " + cell.number() + ": the magic '" + t
                        + "' is not emulated by the jshell route (only %jar PATH and %load PATH are; see Magics)");
            }
        }
        return String.join("\n", java);
    }

    private static Path existing(Path file, String magic, Cell.Code cell) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("code cell " + cell.number() + ": " + magic + ": no such file " + file
                    + (magic.startsWith("%jar") ? " (./faultline list builds cli/target/faultline.jar)" : ""));
        }
        return file;
    }

    private static String escape(String s) {
        return s.replace("\u001e", "\\u001e");
    }
}

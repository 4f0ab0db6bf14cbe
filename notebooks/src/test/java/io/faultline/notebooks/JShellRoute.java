package io.faultline.notebooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs a notebook's code cells in order through the {@code jdk.jshell} API, as the kernel would,
 * and fails on the first compile error, exception or silent cell. Plain {@code jshell script.jsh}
 * exits 0 whatever fails, hence the API. The snippets run in this JVM ({@code local} engine), so
 * that what they print is captured by swapping {@code System.out} around each one.
 */
final class JShellRoute {
    private JShellRoute() {
    }

    /** Every code cell's run, in order. */
    static List<CellRun> run(Notebook notebook) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String line : Magics.PRELUDE) {
                eval(shell, line, 0);
            }
            List<CellRun> runs = new ArrayList<>();
            for (Cell.Code cell : notebook.codeCells()) {
                runs.add(runCell(shell, notebook, cell));
            }
            return runs;
        }
    }

    private static CellRun runCell(JShell shell, Notebook notebook, Cell.Code cell) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Optional<String> value = Optional.empty();
        System.setOut(capture);
        System.setErr(capture);
        try {
            String java = Magics.apply(cell, notebook.file().getParent(), jar -> shell.addToClasspath(jar.toString()));
            for (String snippet : split(shell, java, cell)) {
                value = eval(shell, snippet, cell.number());
            }
            unresolved(shell, cell);
        } catch (AssertionError e) {
            throw new AssertionError(notebook.name() + ": " + e.getMessage()
                    + tail(printed.toString(StandardCharsets.UTF_8)), e.getCause());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        CellRun run = new CellRun(cell, outputs(printed.toString(StandardCharsets.UTF_8)), value);
        if (cell.mustShowOutput() && !run.showsSomething()) {
            throw new AssertionError(notebook.name() + ": code cell " + cell.number()
                    + " showed nothing (print, display or end on an expression; or tag the cell 'setup')");
        }
        return run;
    }

    /** Cuts a cell's source into complete snippets, as the kernel does. */
    private static List<String> split(JShell shell, String java, Cell.Code cell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> snippets = new ArrayList<>();
        String rest = java;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new AssertionError("code cell " + cell.number() + ": incomplete Java at '" + firstLine(rest) + "'");
            }
            snippets.add(info.source());
            rest = info.remaining();
        }
        return snippets;
    }

    /** Evaluates one snippet; its value when it is an expression. */
    private static Optional<String> eval(JShell shell, String source, int cellNumber) {
        Optional<String> value = Optional.empty();
        for (SnippetEvent e : shell.eval(source)) {
            if (e.causeSnippet() != null) {
                continue; // a dependent snippet updated: not what this cell ran
            }
            Snippet s = e.snippet();
            String where = cellNumber == 0 ? "the prelude" : "code cell " + cellNumber;
            if (e.status() == Snippet.Status.REJECTED) {
                String diags = shell.diagnostics(s).map(d -> d.getMessage(java.util.Locale.ROOT))
                        .collect(Collectors.joining("; "));
                throw new AssertionError(where + ": does not compile: " + diags + " in '" + firstLine(source) + "'");
            }
            if (e.exception() != null) {
                throw new AssertionError(where + ": threw " + describe(e.exception()) + " in '" + firstLine(source) + "'");
            }
            if (s instanceof ExpressionSnippet || (s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
                value = Optional.ofNullable(e.value());
            }
        }
        return value;
    }

    /**
     * A method may use one defined later in the same cell (JShell, like the kernel, accepts it as
     * recoverable); once the cell has run, anything still undefined is an error.
     */
    private static void unresolved(JShell shell, Cell.Code cell) {
        shell.snippets().filter(s -> s instanceof DeclarationSnippet)
                .filter(s -> shell.status(s) == Snippet.Status.RECOVERABLE_DEFINED
                        || shell.status(s) == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                .findFirst().ifPresent(s -> {
                    throw new AssertionError("code cell " + cell.number() + ": '" + firstLine(s.source())
                            + "' refers to something never defined: "
                            + shell.unresolvedDependencies((DeclarationSnippet) s).collect(Collectors.joining(", ")));
                });
    }

    private static String describe(JShellException ex) {
        if (ex instanceof EvalException ee) {
            return ee.getExceptionClassName() + (ee.getMessage() == null ? "" : ": " + ee.getMessage());
        }
        if (ex instanceof UnresolvedReferenceException ure) {
            return "an unresolved reference to " + ure.getSnippet().source();
        }
        return ex.toString();
    }

    /** Printed text cut into stream and display outputs, in order. */
    static List<CellRun.Output> outputs(String printed) {
        List<CellRun.Output> out = new ArrayList<>();
        int at = 0;
        while (at < printed.length()) {
            int open = printed.indexOf(Magics.OPEN, at);
            if (open < 0) {
                out.add(new CellRun.Output(CellRun.Output.STREAM, printed.substring(at)));
                break;
            }
            if (open > at) {
                out.add(new CellRun.Output(CellRun.Output.STREAM, printed.substring(at, open)));
            }
            int mimeEnd = printed.indexOf('>', open + Magics.OPEN.length());
            int close = printed.indexOf(Magics.CLOSE, mimeEnd);
            out.add(new CellRun.Output(printed.substring(open + Magics.OPEN.length(), mimeEnd),
                    printed.substring(mimeEnd + 1, close)));
            at = close + Magics.CLOSE.length();
        }
        return out;
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private static String tail(String printed) {
        String t = printed.strip();
        return t.isEmpty() ? "" : "; it printed: " + (t.length() > 500 ? "..." + t.substring(t.length() - 500) : t);
    }
}

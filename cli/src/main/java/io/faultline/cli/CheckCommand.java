package io.faultline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Outcome;
import io.faultline.checker.history.Value;
import io.faultline.checker.io.EdnValues;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryFormatException;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import io.faultline.checker.history.HistoryException;
import io.faultline.report.history.CheckHtml;
import io.faultline.report.history.CheckJson;
import io.faultline.report.history.CheckText;
import io.faultline.report.history.CheckedHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline check FILE... --model NAME}: checks recorded histories for linearizability.
 *
 * <p>Each file is read in its format (detected, or {@code --format}), checked, and summarised: as text,
 * or with {@code --json} as one JSON object per line. The exit code covers all files: 2 if any was
 * bad input, else 1 if any was not linearizable, else 3 if any was undecided, else 0. A bad file does
 * not stop the others.
 *
 * <p>Bad input is one line naming the file, line and column: a missing file, a directory, a binary
 * file, a file with no operations (an empty file is not a valid history, it is no history), a
 * Jepsen log cut mid-line, values nested too deep, and what each format forbids. The output holds
 * no timings and its counterexample is chosen deterministically: the same files give the same
 * bytes every time.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check histories (Jepsen EDN, Porcupine logs, JSON Lines) for linearizability.",
            "The same files give the same output every time (no timings; the counterexample shown is"
                + " the WGL search's, whichever search decided first).",
            "Exit: 0 all valid, 1 some invalid, 2 bad input (one line: file, line, column), 3 some undecided"
                + " (time limit).",
            "A file with no operations (e.g. empty) is bad input, and so is a Jepsen log whose last line"
                + " has no newline (cut short)."},
        sortOptions = false)
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "The model: register, cas-register, cas-register-etcd, multi-register, mutex, set,"
                    + " fifo-queue, unordered-queue, kv, s3-object.")
    String model;

    @Option(names = "--initial", paramLabel = "EDN",
            description = "The initial state as an EDN value, e.g. 0, nil, {:x 0 :y 0}. Default: the model's"
                    + " (nil for registers, empty for collections and kv, false for mutex).")
    String initial;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default), edn, porcupine-etcd, porcupine-kv or jsonl.")
    String format;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "10s",
            description = "Time limit per file (default ${DEFAULT-VALUE}); past it the verdict is UNKNOWN.")
    String timeLimit;

    @Option(names = "--report", paramLabel = "HTML", description = "Write a self-contained HTML report here.")
    Path report;

    @Option(names = "--json", description = "One JSON object per file (JSON Lines) on standard output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryFormat fmt = HistoryFormat.byName(format).orElseThrow(() -> new ExitCodes.BadInput(
                "--format: unknown format '" + format + "'; allowed: " + HistoryFormat.allowedNames()));
        Duration limit = DurationText.parse("--time-limit", timeLimit);
        Model<?> m = model();
        CheckOptions options = CheckOptions.defaults().withTimeLimit(limit);

        boolean bad = false;
        boolean invalid = false;
        boolean unknown = false;
        List<CheckedHistory> checked = new ArrayList<>();
        for (Path file : files) {
            try {
                CheckedHistory c = checkOne(file, fmt, m, options);
                checked.add(c);
                invalid |= c.report().outcome() == Outcome.INVALID;
                unknown |= c.report().outcome() == Outcome.UNKNOWN;
                out.print(json ? CheckJson.of(c) + "\n" : CheckText.render(c));
            } catch (HistoryFormatException | Unreadable e) {
                bad = true;
                err.println("faultline: " + e.getMessage());
                if (json) {
                    out.println(CheckJson.badInput(file.toString(), m.name(), e.getMessage()));
                }
            }
            out.flush();
        }
        if (report != null) {
            Files.writeString(report, CheckHtml.render(checked), StandardCharsets.UTF_8);
            if (!json) {
                out.println("report: " + report);
            }
        }
        return bad ? ExitCodes.BAD_INPUT
                : invalid ? ExitCodes.INVALID
                : unknown ? ExitCodes.UNKNOWN
                : ExitCodes.VALID;
    }

    private Model<?> model() {
        if (!Models.names().contains(model)) {
            throw new ExitCodes.BadInput("--model: unknown model '" + model + "'; allowed: "
                    + String.join(", ", Models.names()));
        }
        Value init = Value.NIL;
        if (initial != null) {
            try {
                init = EdnValues.parse("--initial", initial);
            } catch (HistoryFormatException e) {
                throw new ExitCodes.BadInput(e.getMessage());
            }
        }
        try {
            return Models.byName(model, init);
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.BadInput("--initial: " + e.getMessage());
        }
    }

    private static CheckedHistory checkOne(Path file, HistoryFormat fmt, Model<?> m, CheckOptions options)
            throws HistoryFormatException, Unreadable {
        HistoryFile h = read(file, fmt);
        try {
            CheckReport r = Linearizability.check(h.history(), m, options);
            return new CheckedHistory(h, m, r);
        } catch (HistoryException e) {
            // The checker names the op; the user needs the place in the file.
            String prefix = "op " + e.opIndex() + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw h.errorAt(e.opIndex(), problem + " (op " + e.opIndex() + ")");
        }
    }

    private static HistoryFile read(Path file, HistoryFormat fmt) throws HistoryFormatException, Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file + ": is a directory; give history files");
        }
        HistoryFile h;
        try {
            h = HistoryReaders.read(file, fmt);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(file + ": permission denied");
        } catch (FileSystemException e) {
            throw new Unreadable(file + ": cannot read it (" + (e.getReason() != null ? e.getReason() : "no reason given") + ")");
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read it (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            throw new Unreadable(file + ": too large to read into memory");
        }
        if (h.history().size() == 0) {
            // Checking nothing proves nothing: an empty file is most likely the wrong file or a
            // recording that failed, not a history that is linearizable.
            throw new HistoryFormatException(file.toString(), 1, 1, isEmpty(file)
                    ? "the file is empty: no operations to check"
                    : "no operations to check (the file holds only blanks, comments, nemesis events or other log lines)");
        }
        return h;
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A file that could not be read at all (missing, a directory, no permission). */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}

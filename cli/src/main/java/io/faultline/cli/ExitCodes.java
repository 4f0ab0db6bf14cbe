package io.faultline.cli;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import org.apiguardian.api.API;

/** The command's exit codes, and the handlers that map bad input and internal errors to them. */
@API(status = API.Status.STABLE, since = "0.1")
public final class ExitCodes {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int BAD_INPUT = 2;
    public static final int UNKNOWN = 3;
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }

    /** Bad input: one line naming the culprit and what is allowed, exit 2, never a stack trace. */
    public static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** picocli's message for a map option's value without '=': "Value for option option '--set' (...) ...". */
    private static final Pattern NOT_KEY_VALUE = Pattern.compile(
            "Value for (?:option )?(?:option |positional parameter )?'?([^' ]+)'?.* should be in KEY=VALUE format but was (.*)",
            Pattern.DOTALL);
    /** A Java exception quoted inside a message: "(java.nio.file.InvalidPathException: reason)". */
    private static final Pattern QUOTED_EXCEPTION = Pattern.compile("\\((?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    /** A Java type named in full: "to interface java.nio.file.Path". */
    private static final Pattern JAVA_TYPE = Pattern.compile("(?:interface |class )?(?:java|javax|picocli)\\.(?:[a-z_$][\\w$]*\\.)*([A-Z][\\w$]*)");

    /** Handlers for bad input and internal errors, and the help options on every command. */
    static CommandLine configure(CommandLine cl) {
        StandardHelp.everywhere(cl);
        cl.setExitCodeExceptionMapper(e -> e instanceof BadInput ? BAD_INPUT : INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("faultline: " + plain(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof BadInput) {
                err.println("faultline: " + ex.getMessage());
                return BAD_INPUT;
            }
            err.println("faultline: internal error: " + ex);
            ex.printStackTrace(err);
            return INTERNAL;
        });
        return cl;
    }

    /** picocli's message in the words of our other messages: the option, then what was wrong, one line. */
    static String plain(String message) {
        String m = String.valueOf(message).strip();
        Matcher kv = NOT_KEY_VALUE.matcher(m);
        if (kv.matches()) {
            return kv.group(1) + ": expected KEY=VALUE, found '" + kv.group(2).strip() + "'";
        }
        m = QUOTED_EXCEPTION.matcher(m).replaceAll("(");
        m = JAVA_TYPE.matcher(m).replaceAll("$1");
        StringBuilder b = new StringBuilder(m.length());
        m.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r') {
                b.append(' ');
            } else if (Character.isISOControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));   // a NUL typed in an argument
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}

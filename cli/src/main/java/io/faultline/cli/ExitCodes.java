package io.faultline.cli;

import java.io.PrintWriter;

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

    static CommandLine configure(CommandLine cl) {
        cl.setExitCodeExceptionMapper(e -> e instanceof BadInput ? BAD_INPUT : INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("faultline: " + ex.getMessage());
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
}

package io.faultline.checker.io;

import org.apiguardian.api.API;

/**
 * A history file is malformed: one message naming the file, the line and the column, and what is
 * wrong there. Its {@link #getMessage()} reads {@code file:line:column: reason}, ready to print.
 *
 * <pre>{@code
 * try {
 *     HistoryFile h = HistoryReaders.read(Path.of("history.edn"), HistoryFormat.AUTO);
 * } catch (HistoryFormatException e) {
 *     System.err.println(e.getMessage());   // history.edn:12:3: unknown op type :okay (...)
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HistoryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    /** The longest reason kept: a reason quotes the input, which may be a whole line or more. */
    static final int MAX_REASON = 400;

    public HistoryFormatException(String file, int line, int column, String reason) {
        // No stack trace: this is the user's input, not our bug, and it is never printed with one.
        super(file + ":" + line + ":" + column + ": " + oneLine(reason), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = oneLine(reason);
    }

    /**
     * The reason on one line of bounded length: it quotes the input (a string value may hold a
     * newline), and the message is printed as one line.
     */
    private static String oneLine(String reason) {
        StringBuilder b = new StringBuilder(Math.min(reason.length(), MAX_REASON + 1));
        int i = 0;
        for (; i < reason.length() && b.length() < MAX_REASON; i++) {
            char c = reason.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c) && c != '\t') {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return i == reason.length() ? b.toString() : b.append("...").toString();
    }

    public HistoryFormatException(String file, SourcePosition at, String reason) {
        this(file, at.line(), at.column(), reason);
    }

    /** The file (or other source name, e.g. {@code --initial}) as the user gave it. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public SourcePosition position() {
        return new SourcePosition(line, column);
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}

package io.faultline.faults;

import org.apiguardian.api.API;

/**
 * A schedule file or text that cannot be read. The message names the source, the line and the
 * column, and what is allowed there, e.g.
 * {@code faults.json:4:15: unknown kind "partiton"; allowed kinds: partition, heal, ...}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScheduleFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    public ScheduleFormatException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem, null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

package io.faultline.checker.io;

import org.apiguardian.api.API;

/**
 * A place in a text file, both numbers from 1, as editors show them.
 *
 * <pre>{@code
 * new SourcePosition(3, 14).toString();   // "3:14"
 * }</pre>
 *
 * @param line   the line, from 1
 * @param column the column (in UTF-16 characters, a tab counting one), from 1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SourcePosition(int line, int column) {

    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}

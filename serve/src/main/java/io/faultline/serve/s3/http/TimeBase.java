package io.faultline.serve.s3.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where virtual time 0 sits on the calendar: the wall-clock millisecond a session started. The
 * model's times (Last-Modified, upload initiation) are virtual nanoseconds since then; HTTP dates
 * are calendar times. A replay reads the same base from the session file.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record TimeBase(long startEpochMillis) {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    public long epochMillisOf(long virtualNanos) {
        return startEpochMillis + virtualNanos / 1_000_000;
    }

    /** An RFC 1123 date ({@code If-Modified-Since}) as virtual nanoseconds; empty if it does not parse. */
    public Optional<Long> virtualOf(String httpDate) {
        try {
            long ms = ZonedDateTime.parse(httpDate.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Optional.of((ms - startEpochMillis) * 1_000_000);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code Last-Modified}'s format. */
    public String httpDate(long virtualNanos) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(epochMillisOf(virtualNanos)).atZone(ZoneOffset.UTC));
    }

    /** The XML listings' format, {@code 2026-12-07T15:17:11.000Z}. */
    public String isoDate(long virtualNanos) {
        return ISO.format(Instant.ofEpochMilli(epochMillisOf(virtualNanos)).atZone(ZoneOffset.UTC));
    }
}

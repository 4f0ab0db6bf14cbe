package io.faultline.serve.s3.auth;

import io.faultline.serve.s3.http.Refusal;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decodes an {@code aws-chunked} body (FIDELITY A16.2): {@code hex-size;chunk-signature=SIG CRLF data CRLF}
 * per chunk, a zero-size chunk last, then optional trailer lines. With a signed streaming payload
 * each chunk's signature chains from the previous one (the seed is the header's signature), and a
 * trailer is signed too; a mismatch is 403 SignatureDoesNotMatch, a broken frame 400 IncompleteBody.
 * It decodes as the body streams: each chunk is checked as it passes, and none is held whole.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChunkedPayload {
    /** How chunk signatures are checked: {@code key} empty for the unsigned variant. */
    public record Signing(Optional<byte[]> key, String amzDate, SigV4.Scope scope, String seedSignature) {
    }

    /** Chunk data is copied through a buffer of this size: a chunk claiming gigabytes allocates nothing more. */
    private static final int COPY_BUFFER = 64 * 1024;

    private final InputStream in;
    private long decoded;

    private ChunkedPayload(InputStream in) {
        this.in = in;
    }

    /** The payload of a body held in memory. */
    public static byte[] decode(byte[] body, Signing signing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ChunkedPayload(new ByteArrayInputStream(body)).run(signing, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code in} into {@code out} as it streams, checking each chunk's signature before the
     * next is read (so a large upload is never held whole); returns the payload's length.
     */
    public static long decode(InputStream in, OutputStream out, Signing signing) throws IOException {
        ChunkedPayload p = new ChunkedPayload(new BufferedInputStream(in, COPY_BUFFER));
        p.run(signing, out);
        return p.decoded;
    }

    private void run(Signing s, OutputStream out) throws IOException {
        String previous = s.seedSignature();
        byte[] buffer = new byte[COPY_BUFFER];
        while (true) {
            String header = line();
            String[] parts = header.split(";", 2);
            long size;
            try {
                size = Long.parseLong(parts[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw incomplete("a chunk header is not a hex size: " + abbreviate(header));
            }
            if (size < 0) {
                throw incomplete("a chunk claims a negative size");
            }
            MessageDigest sha = sha256();
            for (long left = size; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw incomplete("a chunk claims " + size + " bytes, more than the body holds");
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
            if (s.key().isPresent()) {
                String given = parts.length == 2 && parts[1].startsWith("chunk-signature=")
                        ? parts[1].substring("chunk-signature=".length()).trim() : "";
                String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + s.amzDate() + "\n" + s.scope().text() + "\n" + previous
                        + "\n" + SigV4.EMPTY_SHA256 + "\n" + HexFormat.of().formatHex(sha.digest());
                String expected = SigV4.sign(s.key().get(), toSign);
                if (!SigV4.same(expected, given)) {
                    throw new Refusal(403, "SignatureDoesNotMatch", "The chunk signature of chunk " + decoded
                            + "+ does not match the signature we calculated");
                }
                previous = expected;
            }
            if (size == 0) {
                trailer(s, previous);
                return;
            }
            decoded += size;
            if (!line().isEmpty()) {
                throw incomplete("a chunk's data does not end with CRLF");
            }
        }
    }

    /** Trailer lines after the last chunk ({@code x-amz-checksum-*}, {@code x-amz-trailer-signature}). */
    private void trailer(Signing s, String previous) throws IOException {
        List<String> lines = new ArrayList<>();
        String signature = "";
        while (true) {
            Optional<String> next = lineOrEnd();
            if (next.isEmpty()) {
                break;
            }
            String l = next.get();
            if (l.isEmpty()) {
                break;
            }
            if (l.startsWith("x-amz-trailer-signature:")) {
                signature = l.substring("x-amz-trailer-signature:".length()).trim();
            } else {
                lines.add(l);
            }
        }
        if (s.key().isEmpty() || lines.isEmpty()) {
            return;
        }
        StringBuilder canonical = new StringBuilder();
        for (String l : lines) {
            int colon = l.indexOf(':');
            canonical.append(l.substring(0, Math.max(0, colon)).trim().toLowerCase(java.util.Locale.ROOT)).append(':')
                    .append(l.substring(colon + 1).trim()).append('\n');
        }
        String toSign = "AWS4-HMAC-SHA256-TRAILER\n" + s.amzDate() + "\n" + s.scope().text() + "\n" + previous + "\n"
                + SigV4.sha256Hex(canonical.toString());
        if (!SigV4.same(SigV4.sign(s.key().get(), toSign), signature)) {
            throw new Refusal(403, "SignatureDoesNotMatch", "The trailer signature does not match the signature we calculated");
        }
    }

    private String line() throws IOException {
        return lineOrEnd().orElseThrow(() -> incomplete("the body ends inside a chunk header"));
    }

    /** The next CRLF-terminated line; empty at the end of the body. */
    private Optional<String> lineOrEnd() throws IOException {
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        int c = in.read();
        if (c < 0) {
            return Optional.empty();
        }
        while (true) {
            if (c < 0) {
                throw incomplete("the body ends inside a chunk header");
            }
            if (c == '\r') {
                int n = in.read();
                if (n == '\n') {
                    return Optional.of(l.toString(StandardCharsets.US_ASCII));
                }
                l.write(c);
                c = n;
                continue;
            }
            l.write(c);
            if (l.size() > 4096) {
                throw incomplete("a chunk header line is longer than 4096 bytes");
            }
            c = in.read();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static Refusal incomplete(String why) {
        return new Refusal(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header: " + why);
    }
}

package io.faultline.serve.s3.auth;

import io.faultline.serve.s3.http.Refusal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Decodes an {@code aws-chunked} body (FIDELITY A16.2): {@code hex-size;chunk-signature=SIG CRLF data CRLF}
 * per chunk, a zero-size chunk last, then optional trailer lines. With a signed streaming payload
 * each chunk's signature chains from the previous one (the seed is the header's signature), and a
 * trailer is signed too; a mismatch is 403 SignatureDoesNotMatch, a broken frame 400 IncompleteBody.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChunkedPayload {
    /** How chunk signatures are checked: {@code key} empty for the unsigned variant. */
    public record Signing(Optional<byte[]> key, String amzDate, SigV4.Scope scope, String seedSignature) {
    }

    private final byte[] in;
    private int pos;

    private ChunkedPayload(byte[] in) {
        this.in = in;
    }

    public static byte[] decode(byte[] body, Signing signing) {
        return new ChunkedPayload(body).run(signing);
    }

    private byte[] run(Signing s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = s.seedSignature();
        while (true) {
            String header = line();
            String[] parts = header.split(";", 2);
            long size;
            try {
                size = Long.parseLong(parts[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw incomplete("a chunk header is not a hex size: " + abbreviate(header));
            }
            if (size < 0 || size > in.length - pos) {
                throw incomplete("a chunk claims " + size + " bytes, more than the body holds");
            }
            byte[] data = Arrays.copyOfRange(in, pos, pos + (int) size);
            pos += (int) size;
            if (s.key().isPresent()) {
                String given = parts.length == 2 && parts[1].startsWith("chunk-signature=")
                        ? parts[1].substring("chunk-signature=".length()).trim() : "";
                String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + s.amzDate() + "\n" + s.scope().text() + "\n" + previous
                        + "\n" + SigV4.EMPTY_SHA256 + "\n" + SigV4.sha256Hex(data);
                String expected = SigV4.sign(s.key().get(), toSign);
                if (!SigV4.same(expected, given)) {
                    throw new Refusal(403, "SignatureDoesNotMatch", "The chunk signature of chunk " + out.size()
                            + "+ does not match the signature we calculated");
                }
                previous = expected;
            }
            if (size == 0) {
                trailer(s, previous);
                return out.toByteArray();
            }
            out.writeBytes(data);
            if (!line().isEmpty()) {
                throw incomplete("a chunk's data does not end with CRLF");
            }
        }
    }

    /** Trailer lines after the last chunk ({@code x-amz-checksum-*}, {@code x-amz-trailer-signature}). */
    private void trailer(Signing s, String previous) {
        List<String> lines = new ArrayList<>();
        String signature = "";
        while (pos < in.length) {
            String l = line();
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

    private String line() {
        int start = pos;
        while (pos + 1 < in.length && !(in[pos] == '\r' && in[pos + 1] == '\n')) {
            pos++;
            if (pos - start > 4096) {
                throw incomplete("a chunk header line is longer than 4096 bytes");
            }
        }
        if (pos + 1 >= in.length) {
            throw incomplete("the body ends inside a chunk header");
        }
        String l = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        pos += 2;
        return l;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static Refusal incomplete(String why) {
        return new Refusal(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header: " + why);
    }
}

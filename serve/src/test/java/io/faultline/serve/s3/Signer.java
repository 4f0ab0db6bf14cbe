package io.faultline.serve.s3;

import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.AwsUri;
import io.faultline.serve.s3.auth.SigV4;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hostile client for the security suite: it signs requests as the SigV4 documentation says
 * (header or presigned), and can sign them wrongly on purpose. Only {@link SigV4}'s HMAC and hash
 * arithmetic is shared with the server; the canonical request is built here, from the spec.
 */
final class Signer {
    static final HttpClient PLAIN = HttpClient.newHttpClient();
    private final URI endpoint;
    private final HttpClient http;

    Signer(URI endpoint) {
        this.endpoint = endpoint;
        this.http = PLAIN;
    }

    /** A client of {@code server}'s endpoint, trusting its certificate when it speaks HTTPS. */
    Signer(S3Server server) throws Exception {
        this.endpoint = server.endpoint();
        if (server.certificate().isEmpty()) {
            this.http = PLAIN;
            return;
        }
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, server.trustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(ssl).build();
    }

    /** A request: method, path (already encoded), query, extra headers, body. */
    record Req(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
        static Req of(String method, String path) {
            return new Req(method, path, Map.of(), Map.of(), new byte[0]);
        }

        Req body(String text) {
            return new Req(method, path, query, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        Req header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Req(method, path, query, h, body);
        }

        Req param(String name, String value) {
            Map<String, String> q = new TreeMap<>(query);
            q.put(name, value);
            return new Req(method, path, q, headers, body);
        }
    }

    HttpResponse<String> anonymous(Req r) throws Exception {
        return send(r, Map.of());
    }

    HttpResponse<String> signed(Req r, AccessKey key, long epochMillis) throws Exception {
        return send(r, authorization(r, key, epochMillis, false));
    }

    /** Signed for {@code r}'s headers and an empty body, then sent with {@code body} instead. */
    HttpResponse<String> bodySwapped(Req r, String body, AccessKey key, long epochMillis) throws Exception {
        return send(r.body(body), authorization(r, key, epochMillis, false));
    }

    /** Signed, then one hex digit of the signature changed. */
    HttpResponse<String> tampered(Req r, AccessKey key, long epochMillis) throws Exception {
        return send(r, authorization(r, key, epochMillis, true));
    }

    /**
     * An aws-chunked upload of {@code data} in chunks of {@code chunk} bytes, each signed in the chain
     * the streaming documentation gives; with {@code tamper}, the first chunk's bytes are changed
     * after it was signed.
     */
    HttpResponse<String> streaming(Req r, AccessKey key, long epochMillis, byte[] data, int chunk, boolean tamper) throws Exception {
        String amzDate = SigV4.formatAmzDate(epochMillis);
        SigV4.Scope scope = new SigV4.Scope(amzDate.substring(0, 8), "us-east-1", "s3");
        byte[] signingKey = SigV4.signingKey(key.secret(), scope);
        Map<String, String> auth = authorization(r, key, epochMillis, false, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        String previous = auth.get("Authorization").substring(auth.get("Authorization").indexOf("Signature=") + 10);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int off = 0; ; off += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(data, Math.min(off, data.length), Math.min(off + chunk, data.length));
            String sig = SigV4.sign(signingKey, "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope.text() + "\n" + previous
                    + "\n" + SigV4.EMPTY_SHA256 + "\n" + SigV4.sha256Hex(part));
            previous = sig;
            if (tamper && off == 0 && part.length > 0) {
                part[0] ^= 1;
            }
            body.writeBytes((Integer.toHexString(part.length) + ";chunk-signature=" + sig + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (part.length == 0) {
                break;
            }
        }
        Req withBody = new Req(r.method(), r.path(), r.query(), r.headers(), body.toByteArray());
        Map<String, String> h = new LinkedHashMap<>(auth);
        h.put("x-amz-decoded-content-length", String.valueOf(data.length));
        h.put("Content-Encoding", "aws-chunked");
        return send(withBody, h);
    }

    /**
     * Signed for a payload whose hex SHA-256 is {@code payloadHash} (or UNSIGNED-PAYLOAD), sent with the
     * {@code length} bytes {@code body} streams; the answer's body as a stream, so neither side of a
     * large transfer is held in this test's memory.
     */
    HttpResponse<java.io.InputStream> streamed(Req r, AccessKey key, long epochMillis, String payloadHash, long length,
                                               java.util.function.Supplier<java.io.InputStream> body) throws Exception {
        String q = query(r.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + r.path() + (q.isEmpty() ? "" : "?" + q)))
                .method(r.method(), length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length));
        r.headers().forEach(b::header);
        authorization(r, key, epochMillis, false, payloadHash).forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private Map<String, String> authorization(Req r, AccessKey key, long epochMillis, boolean tamper) {
        return authorization(r, key, epochMillis, tamper, SigV4.sha256Hex(r.body()));
    }

    private Map<String, String> authorization(Req r, AccessKey key, long epochMillis, boolean tamper, String payloadHash) {
        String amzDate = SigV4.formatAmzDate(epochMillis);
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("host", endpoint.getAuthority());
        signed.put("x-amz-date", amzDate);
        signed.put("x-amz-content-sha256", payloadHash);
        SigV4.Scope scope = new SigV4.Scope(amzDate.substring(0, 8), "us-east-1", "s3");
        String canonical = r.method() + "\n" + r.path() + "\n" + query(r.query()) + "\n" + headers(signed) + "\n"
                + String.join(";", signed.keySet()) + "\n" + payloadHash;
        String sig = SigV4.sign(SigV4.signingKey(key.secret(), scope), SigV4.stringToSign(amzDate, scope, canonical));
        if (tamper) {
            sig = (sig.charAt(0) == 'a' ? "b" : "a") + sig.substring(1);
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amz-date", amzDate);
        h.put("x-amz-content-sha256", payloadHash);
        h.put("Authorization", SigV4.ALGORITHM + " Credential=" + key.id() + "/" + scope.text() + ", SignedHeaders="
                + String.join(";", signed.keySet()) + ", Signature=" + sig);
        return h;
    }

    /** A presigned URL made at {@code epochMillis}, valid {@code expiresSeconds}. */
    URI presign(Req r, AccessKey key, long epochMillis, long expiresSeconds) {
        String amzDate = SigV4.formatAmzDate(epochMillis);
        SigV4.Scope scope = new SigV4.Scope(amzDate.substring(0, 8), "us-east-1", "s3");
        TreeMap<String, String> q = new TreeMap<>(r.query());
        q.put("X-Amz-Algorithm", SigV4.ALGORITHM);
        q.put("X-Amz-Credential", key.id() + "/" + scope.text());
        q.put("X-Amz-Date", amzDate);
        q.put("X-Amz-Expires", String.valueOf(expiresSeconds));
        q.put("X-Amz-SignedHeaders", "host");
        String canonical = r.method() + "\n" + r.path() + "\n" + query(q) + "\nhost:" + endpoint.getAuthority() + "\n\nhost\nUNSIGNED-PAYLOAD";
        String sig = SigV4.sign(SigV4.signingKey(key.secret(), scope), SigV4.stringToSign(amzDate, scope, canonical));
        q.put("X-Amz-Signature", sig);
        return URI.create(endpoint + r.path() + "?" + query(q));
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(Req r, Map<String, String> auth) throws Exception {
        String q = query(r.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + r.path() + (q.isEmpty() ? "" : "?" + q)))
                .method(r.method(), r.body().length == 0 && !r.method().equals("PUT") && !r.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach(b::header);
        auth.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(q).forEach((k, v) -> parts.add(AwsUri.encode(k, false) + "=" + AwsUri.encode(v, false)));
        return String.join("&", parts);
    }

    private static String headers(TreeMap<String, String> h) {
        StringBuilder b = new StringBuilder();
        h.forEach((k, v) -> b.append(k).append(':').append(v.trim()).append('\n'));
        return b.toString();
    }
}

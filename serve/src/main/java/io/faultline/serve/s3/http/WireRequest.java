package io.faultline.serve.s3.http;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A request as the model is asked it, after authentication and authorization: the method, the
 * bucket and key (decoded), the query parameters and the headers that carry meaning (signatures
 * and credentials dropped), and the payload without aws-chunked framing. It is what a session
 * records, so a replay maps it through the same {@link RequestMapper} the server used.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WireRequest(String method, String bucket, String key, Map<String, String> query,
                          Map<String, String> headers, byte[] body) {
    /**
     * Headers that change what a request means; the others (signatures, SDK noise, and secrets: an
     * SSE-C key, an MFA code) are not recorded.
     */
    public static final java.util.Set<String> MEANINGFUL = java.util.Set.of("if-match", "if-none-match",
            "if-modified-since", "if-unmodified-since", "range", "x-amz-copy-source", "x-amz-storage-class", "x-amz-acl",
            "x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control",
            "x-amz-object-ownership", "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id");

    /**
     * Set by the server, never taken from a client (it is not {@link #MEANINGFUL}): this PUT is the
     * write half of a copy, from the source it names ({@code bucket/key}). The session records it,
     * so that a replay notifies the copy as the server did.
     */
    public static final String COPY_WRITE = "x-faultline-copy-write";

    public WireRequest {
        query = new TreeMap<>(query);
        headers = new TreeMap<>(headers);
        body = body.clone();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** True for the PUT half of a copy ({@link #COPY_WRITE}). */
    public boolean copyWrite() {
        return headers.containsKey(COPY_WRITE);
    }

    /** {@code PUT /bucket/key}: for messages and the request log. */
    public String describe() {
        return method + " /" + bucket + (key.isEmpty() ? "" : "/" + key)
                + (query.isEmpty() ? "" : "?" + String.join("&", query.keySet()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireRequest w && w.method.equals(method) && w.bucket.equals(bucket) && w.key.equals(key)
                && w.query.equals(query) && w.headers.equals(headers) && java.util.Arrays.equals(w.body, body);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, bucket, key, query, headers, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return describe() + " (" + body.length + " B)";
    }
}

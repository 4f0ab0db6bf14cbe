package io.faultline.serve.s3.http;

import io.faultline.serve.s3.blob.BlobId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A request as the model is asked it, after authentication and authorization: the method, the
 * bucket and key (decoded), the query parameters and the headers that carry meaning (signatures
 * and credentials dropped), and the payload without aws-chunked framing: in {@code body} when small,
 * else in the blob store, named by {@code blob} (and {@code body} empty). It is what a session
 * records (a large body by its label and size, not its bytes), so a replay maps it through the same
 * {@link RequestMapper} the server used.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WireRequest(String method, String bucket, String key, Map<String, String> query,
                          Map<String, String> headers, byte[] body, BlobId blob) {
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
        blob = blob == null ? BlobId.NONE : blob; // a session written before large bodies were spooled has none
    }

    /** A request whose payload, if any, is in {@code body}. */
    public WireRequest(String method, String bucket, String key, Map<String, String> query, Map<String, String> headers,
                       byte[] body) {
        this(method, bucket, key, query, headers, body, BlobId.NONE);
    }

    /** This request with another payload (and the same everything else). */
    public WireRequest withPayload(byte[] newBody, BlobId newBlob) {
        return new WireRequest(method, bucket, key, query, headers, newBody, newBlob);
    }

    /** This request with other headers. */
    public WireRequest withHeaders(Map<String, String> newHeaders) {
        return new WireRequest(method, bucket, key, query, newHeaders, body, blob);
    }

    /** The payload's size, wherever it is held. */
    public long payloadSize() {
        return blob.exists() ? blob.size() : body.length;
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
                && w.query.equals(query) && w.headers.equals(headers) && java.util.Arrays.equals(w.body, body) && w.blob.equals(blob);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(method, bucket, key, query, headers, java.util.Arrays.hashCode(body), blob);
    }

    @Override
    public String toString() {
        return describe() + " (" + payloadSize() + " B)";
    }
}

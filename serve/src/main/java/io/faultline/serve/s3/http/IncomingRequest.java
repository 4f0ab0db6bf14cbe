package io.faultline.serve.s3.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.faultline.serve.s3.blob.Blob;
import org.apiguardian.api.API;

/**
 * One HTTP request as it arrived, before authentication: the method, the path as sent (still
 * percent-encoded, which is what SigV4 signs), the decoded query parameters, the headers with
 * lower-case names, and the body as sent (for aws-chunked uploads, the chunk framing included):
 * in {@code body} when small, else in the blob store ({@code spooled}, {@code body} then empty).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record IncomingRequest(String method, String rawPath, Map<String, List<String>> query,
                              Map<String, String> headers, byte[] body, Optional<Blob> spooled) {
    public IncomingRequest {
        query = new TreeMap<>(query);
        headers = new TreeMap<>(headers);
    }

    /** A request whose small body is in memory. */
    public IncomingRequest(String method, String rawPath, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        this(method, rawPath, query, headers, body, Optional.empty());
    }

    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }

    /** The first value of a query parameter ("" for a bare {@code ?uploads}). */
    public Optional<String> param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }
}

package io.faultline.serve.s3.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One HTTP request as it arrived, before authentication: the method, the path as sent (still
 * percent-encoded, which is what SigV4 signs), the decoded query parameters, the headers with
 * lower-case names, and the body bytes (for aws-chunked uploads, the chunk framing included).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record IncomingRequest(String method, String rawPath, Map<String, List<String>> query,
                              Map<String, String> headers, byte[] body) {
    public IncomingRequest {
        query = new TreeMap<>(query);
        headers = new TreeMap<>(headers);
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

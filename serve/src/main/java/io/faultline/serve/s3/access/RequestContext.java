package io.faultline.serve.s3.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * What a bucket policy is evaluated against: the caller's account (empty for an anonymous
 * caller), the action ({@code s3:GetObject}), the resource's ARN and the condition keys the request
 * carries ({@code aws:SecureTransport}, {@code s3:x-amz-acl}, ...).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RequestContext(Optional<String> account, String action, String resource, Map<String, List<String>> keys) {
    public RequestContext {
        keys = new TreeMap<>(keys);
    }

    public Optional<List<String>> key(String name) {
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}

package io.faultline.serve.s3.website;

import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * One routing rule of a website configuration (FIDELITY A16.12): when the key starts with a
 * prefix and/or the lookup failed with an HTTP code, redirect, to another host and protocol, with
 * the prefix or the whole key replaced, with a 3xx code (301 unless given).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RoutingRule(Optional<String> keyPrefixEquals, OptionalInt errorCodeEquals, Optional<String> hostName,
                          Optional<String> protocol, Optional<String> replaceKeyPrefixWith, Optional<String> replaceKeyWith,
                          int redirectCode) {
    /** True if the rule applies to {@code key} looked up with {@code status} (empty before the lookup). */
    public boolean applies(String key, OptionalInt status) {
        boolean prefix = keyPrefixEquals.map(key::startsWith).orElse(true);
        boolean code = errorCodeEquals.isEmpty() || (status.isPresent() && status.getAsInt() == errorCodeEquals.getAsInt());
        return prefix && code;
    }

    /** Rules without an error-code condition apply before the lookup. */
    public boolean beforeLookup() {
        return errorCodeEquals.isEmpty();
    }

    /** The Location of the redirect for {@code key}, on {@code ownHost} unless the rule names a host. */
    public String location(String key, String ownHost) {
        String newKey = replaceKeyWith.orElseGet(() -> replaceKeyPrefixWith
                .map(p -> p + key.substring(keyPrefixEquals.orElse("").length())).orElse(key));
        return protocol.orElse("http") + "://" + hostName.orElse(ownHost) + "/" + newKey;
    }
}

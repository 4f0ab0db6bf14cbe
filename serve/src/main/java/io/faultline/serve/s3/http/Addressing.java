package io.faultline.serve.s3.http;

import io.faultline.serve.s3.auth.AwsUri;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Where a request's bucket is named (FIDELITY A16.3): virtual-hosted style puts it first in the
 * host name ({@code photos.localhost:9000/a.jpg}, {@code photos.s3.localhost}), path style in the
 * first path segment ({@code localhost:9000/photos/a.jpg}). The rest of the path is the key, as
 * sent: {@code ../} in a key is part of the key's name, never a way out of the bucket.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Addressing {
    private Addressing() {
    }

    /** The bucket and the key. */
    public record Target(String bucket, String key) {
    }

    public static Target resolve(String hostHeader, String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(0, host.indexOf(']') + 1);
        } else if (host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        for (String suffix : new String[] {".s3.localhost", ".localhost"}) {
            if (host.endsWith(suffix) && host.length() > suffix.length() && !host.equals("s3.localhost")) {
                return new Target(host.substring(0, host.length() - suffix.length()), AwsUri.decode(path));
            }
        }
        int slash = path.indexOf('/');
        if (slash < 0) {
            return new Target(AwsUri.decode(path), "");
        }
        return new Target(AwsUri.decode(path.substring(0, slash)), AwsUri.decode(path.substring(slash + 1)));
    }
}

package io.faultline.models.s3.store;

import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Bucket naming rules for general purpose buckets: 3 to 63 characters of lower-case letters,
 * digits, dots and hyphens, beginning and ending with a letter or digit, no two adjacent dots, not
 * shaped like an IPv4 address. (S3's bucket naming page; the fidelity reference's A2 covers counts.)
 *
 * <pre>{@code
 * BucketNames.validate("My_Bucket");   // Optional[400 InvalidBucketName: ...]
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BucketNames {
    private BucketNames() {
    }

    public static Optional<S3Failure> validate(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return bad(name, "must be 3 to 63 characters long");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (!ok) {
                return bad(name, "character '" + c + "' at " + i + " is not a lower-case letter, digit, '.' or '-'");
            }
        }
        if (!alnum(name.charAt(0)) || !alnum(name.charAt(name.length() - 1))) {
            return bad(name, "must begin and end with a letter or digit");
        }
        if (name.contains("..")) {
            return bad(name, "must not contain two adjacent dots");
        }
        if (name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            return bad(name, "must not be formatted as an IP address");
        }
        return Optional.empty();
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static Optional<S3Failure> bad(String name, String why) {
        return Optional.of(S3Failure.of(S3Error.INVALID_BUCKET_NAME, "bucket name '" + name + "' " + why));
    }
}

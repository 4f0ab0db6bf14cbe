package io.faultline.serve.s3.http;

import io.faultline.serve.s3.auth.AwsUri;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The source a CopyObject or UploadPartCopy names in {@code x-amz-copy-source}:
 * {@code /bucket/key} or {@code bucket/key}, URL-encoded, optionally {@code ?versionId=ID}; it may be
 * in another bucket than the target (FIDELITY A16.17).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record CopySource(String bucket, String key, Optional<String> versionId) {
    /** The source {@code w} names, if it is a copy; a malformed one is 400 InvalidArgument. */
    public static Optional<CopySource> of(WireRequest w) {
        return w.header("x-amz-copy-source").map(CopySource::parse);
    }

    static CopySource parse(String header) {
        String src = header;
        Optional<String> version = Optional.empty();
        int q = src.indexOf("?versionId=");
        if (q >= 0) {
            version = Optional.of(src.substring(q + "?versionId=".length()));
            src = src.substring(0, q);
        }
        src = AwsUri.decode(src.startsWith("/") ? src.substring(1) : src);
        int slash = src.indexOf('/');
        if (slash <= 0 || slash == src.length() - 1) {
            throw new Refusal(400, "InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }
        return new CopySource(src.substring(0, slash), src.substring(slash + 1), version);
    }
}

package io.faultline.serve.s3.http;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.WriteConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import io.faultline.serve.s3.blob.BlobId;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * Turns a REST request into the model's {@link S3Request} (FIDELITY A16.3): method, bucket, key,
 * sub-resource ({@code ?uploads}, {@code ?versioning}, ...) and headers. Dates in conditional
 * headers become the model's virtual time through the session's {@link TimeBase}, so a replay
 * maps the same request to the same call. What the model does not have is 501 NotImplemented.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RequestMapper {
    private final TimeBase time;

    public RequestMapper(TimeBase time) {
        this.time = time;
    }

    public S3Request map(WireRequest w) {
        if (w.bucket().isEmpty()) {
            if (w.method().equals("GET")) {
                return new S3Request.ListBuckets();
            }
            throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        return w.key().isEmpty() ? bucket(w) : object(w);
    }

    private S3Request bucket(WireRequest w) {
        String b = w.bucket();
        switch (w.method()) {
            case "PUT":
                if (w.hasParam("versioning")) {
                    String status = Xml.text(Xml.parse(w.body()), "Status");
                    if (!status.equals("Enabled") && !status.equals("Suspended")) {
                        throw Refusal.malformedXml();
                    }
                    return new S3Request.PutBucketVersioning(b, status);
                }
                if (!w.query().isEmpty()) {
                    throw Refusal.notImplemented("PUT ?" + String.join("&", w.query().keySet()));
                }
                return new S3Request.CreateBucket(b);
            case "DELETE":
                if (!w.query().isEmpty()) {
                    throw Refusal.notImplemented("DELETE ?" + String.join("&", w.query().keySet()));
                }
                return new S3Request.DeleteBucket(b);
            case "HEAD":
                return new S3Request.HeadBucket(b);
            case "POST":
                if (w.hasParam("delete")) {
                    Element root = Xml.parse(w.body());
                    List<String> keys = new ArrayList<>();
                    for (Element o : Xml.children(root, "Object")) {
                        keys.add(Xml.text(o, "Key"));
                    }
                    if (keys.isEmpty() || keys.size() > 1000) {
                        throw Refusal.malformedXml();
                    }
                    return new S3Request.DeleteObjects(b, keys);
                }
                throw Refusal.notImplemented("POST on a bucket without ?delete");
            case "GET":
                if (w.hasParam("versions")) {
                    return new S3Request.ListObjectVersions(b, w.param("prefix").orElse(""),
                            intParam(w, "max-keys", 1000), w.param("key-marker"), w.param("version-id-marker"));
                }
                if (w.hasParam("uploads")) {
                    return new S3Request.ListMultipartUploads(b);
                }
                if (w.param("list-type").filter("2"::equals).isPresent()) {
                    return new S3Request.ListObjectsV2(b, new ListObjectsV2Request(w.param("prefix").orElse(""),
                            w.param("delimiter"), intParam(w, "max-keys", 1000), w.param("continuation-token"),
                            w.param("start-after")));
                }
                throw Refusal.notImplemented("GET on a bucket: only ListObjectsV2 (list-type=2), ?versions and ?uploads");
            default:
                throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    /** The payload as the model holds it: the bytes, or a large body's identity (size and label). */
    public static Body body(BlobId blob) {
        return Body.synthetic(blob.size(), blob.label());
    }

    private static Body body(WireRequest w) {
        return w.blob().exists() ? body(w.blob()) : Body.of(w.body());
    }

    private S3Request object(WireRequest w) {
        String b = w.bucket();
        String k = w.key();
        Optional<String> version = w.param("versionId").filter(v -> !v.equals("null"));
        switch (w.method()) {
            case "PUT":
                if (w.hasParam("partNumber") && w.hasParam("uploadId")) {
                    return new S3Request.UploadPart(b, k, w.param("uploadId").get(), intParam(w, "partNumber", 0),
                            body(w));
                }
                if (w.header("x-amz-copy-source").isPresent()) {
                    return copy(w);
                }
                if (!w.query().isEmpty()) {
                    throw Refusal.notImplemented("PUT ?" + String.join("&", w.query().keySet()));
                }
                return new S3Request.PutObject(b, k, body(w), writeConditions(w), w.header("x-amz-storage-class"));
            case "GET":
                if (w.hasParam("uploadId")) {
                    return new S3Request.ListParts(b, k, w.param("uploadId").get(), intParam(w, "part-number-marker", 0),
                            intParam(w, "max-parts", 1000));
                }
                return new S3Request.GetObject(b, k, version, readConditions(w),
                        w.header("range").map(ByteRange::parse).orElse(ByteRange.NONE), partNumber(w));
            case "HEAD":
                return new S3Request.HeadObject(b, k, version, readConditions(w), partNumber(w));
            case "DELETE":
                if (w.hasParam("uploadId")) {
                    return new S3Request.AbortMultipartUpload(b, k, w.param("uploadId").get());
                }
                return new S3Request.DeleteObject(b, k, version);
            case "POST":
                if (w.hasParam("uploads")) {
                    return new S3Request.CreateMultipartUpload(b, k, w.header("x-amz-storage-class"));
                }
                if (w.hasParam("uploadId")) {
                    List<CompletedPart> parts = new ArrayList<>();
                    for (Element p : Xml.children(Xml.parse(w.body()), "Part")) {
                        parts.add(new CompletedPart(parseInt(Xml.text(p, "PartNumber"), "PartNumber"), Xml.text(p, "ETag")));
                    }
                    return new S3Request.CompleteMultipartUpload(b, k, w.param("uploadId").get(), parts, writeConditions(w));
                }
                throw Refusal.notImplemented("POST on an object without ?uploads or ?uploadId");
            default:
                throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    /**
     * A copy within one bucket, as the model has it. The server itself serves every copy as a GET of
     * the source and a PUT of the target (S3Service), so only a hand-written session gets here.
     */
    private S3Request copy(WireRequest w) {
        CopySource src = CopySource.of(w).orElseThrow();
        if (!src.bucket().equals(w.bucket())) {
            throw Refusal.notImplemented("a model CopyObject from another bucket (the server records such a copy as a GET and a PUT)");
        }
        return new S3Request.CopyObject(w.bucket(), src.key(), src.versionId(), w.key(), w.header("x-amz-storage-class"));
    }

    private static WriteConditions writeConditions(WireRequest w) {
        Optional<String> none = w.header("if-none-match");
        if (none.isPresent()) {
            if (!none.get().trim().equals("*")) {
                throw Refusal.notImplemented("If-None-Match on a write other than *");
            }
            return WriteConditions.ifAbsent();
        }
        return w.header("if-match").map(WriteConditions::ifMatch).orElse(WriteConditions.none());
    }

    private Conditions readConditions(WireRequest w) {
        Conditions c = Conditions.none();
        if (w.header("if-match").isPresent()) {
            c = c.ifMatch(w.header("if-match").get());
        }
        if (w.header("if-none-match").isPresent()) {
            c = c.ifNoneMatch(w.header("if-none-match").get());
        }
        Optional<Long> modified = w.header("if-modified-since").flatMap(time::virtualOf);
        if (modified.isPresent()) {
            c = c.ifModifiedSince(modified.get());
        }
        Optional<Long> unmodified = w.header("if-unmodified-since").flatMap(time::virtualOf);
        if (unmodified.isPresent()) {
            c = c.ifUnmodifiedSince(unmodified.get());
        }
        return c;
    }

    private static OptionalInt partNumber(WireRequest w) {
        return w.hasParam("partNumber") ? OptionalInt.of(intParam(w, "partNumber", 0)) : OptionalInt.empty();
    }

    private static int intParam(WireRequest w, String name, int dflt) {
        return w.param(name).map(v -> parseInt(v, name)).orElse(dflt);
    }

    private static int parseInt(String v, String name) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(400, "InvalidArgument", name + " must be a whole number, got '" + v + "'");
        }
    }
}

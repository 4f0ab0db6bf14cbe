package io.faultline.serve.s3.http;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.DeleteObjectResponse;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.ListPartsResponse;
import io.faultline.models.s3.api.response.ListUploadsResponse;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.PartInfo;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.response.UploadInfo;
import io.faultline.models.s3.api.response.VersionEntry;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Writes the model's answer as S3's REST response (FIDELITY A16.4): status, headers (ETag quoted,
 * {@code x-amz-version-id}, {@code Content-Range}, ...) and XML bodies in S3's namespace.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResponseRenderer {
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private final TimeBase time;

    public ResponseRenderer(TimeBase time) {
        this.time = time;
    }

    /**
     * The answer to {@code req}; {@code visibleBucket} filters ListBuckets to the caller's own,
     * {@code owner} is the caller's account for the listing's Owner element.
     */
    public HttpAnswer render(S3Request req, S3Result<?> result, String resource, String requestId,
                             Predicate<String> visibleBucket, String owner) {
        if (result instanceof S3Result.Err<?> err) {
            return failure(req, err.failure(), resource, requestId);
        }
        Object v = result.orThrow();
        if (req instanceof S3Request.CreateBucket c) {
            return HttpAnswer.empty(200).with("Location", "/" + c.bucket());
        } else if (req instanceof S3Request.DeleteBucket || req instanceof S3Request.AbortMultipartUpload) {
            return HttpAnswer.empty(204);
        } else if (req instanceof S3Request.HeadBucket) {
            return HttpAnswer.empty(200).with("x-amz-bucket-region", "us-east-1");
        } else if (req instanceof S3Request.ListBuckets) {
            StringBuilder b = new StringBuilder("<ListAllMyBucketsResult" + NS + "><Owner>" + Xml.el("ID", owner)
                    + Xml.el("DisplayName", owner) + "</Owner><Buckets>");
            for (Object name : (List<?>) v) {
                if (visibleBucket.test((String) name)) {
                    b.append("<Bucket>").append(Xml.el("Name", (String) name)).append(Xml.el("CreationDate", time.isoDate(0)))
                            .append("</Bucket>");
                }
            }
            return HttpAnswer.xml(200, b.append("</Buckets></ListAllMyBucketsResult>").toString());
        } else if (req instanceof S3Request.PutBucketVersioning) {
            return HttpAnswer.empty(200);
        } else if (req instanceof S3Request.PutObject || req instanceof S3Request.CompleteMultipartUpload
                || req instanceof S3Request.CopyObject) {
            return written(req, (PutObjectResponse) v);
        } else if (req instanceof S3Request.GetObject) {
            GetObjectResponse g = (GetObjectResponse) v;
            HttpAnswer a = objectHeaders(new HttpAnswer(g.status(), java.util.Map.of(), bytes(g.body())), g.info())
                    .with("Content-Length", String.valueOf(g.body().size()));
            return g.contentRange().map(r -> a.with("Content-Range", r)).orElse(a);
        } else if (req instanceof S3Request.HeadObject) {
            ObjectInfo i = (ObjectInfo) v;
            return objectHeaders(HttpAnswer.empty(200), i).with("Content-Length", String.valueOf(i.size()));
        } else if (req instanceof S3Request.DeleteObject) {
            DeleteObjectResponse d = (DeleteObjectResponse) v;
            HttpAnswer a = d.deleteMarker() ? HttpAnswer.empty(204).with("x-amz-delete-marker", "true") : HttpAnswer.empty(204);
            return d.versionId().map(id -> a.with("x-amz-version-id", id)).orElse(a);
        } else if (req instanceof S3Request.DeleteObjects d) {
            return deleteResult(d, (List<?>) v);
        } else if (req instanceof S3Request.ListObjectsV2 l) {
            return listV2(l, (ListObjectsV2Response) v);
        } else if (req instanceof S3Request.ListObjectVersions l) {
            return versions(l, (ListVersionsResponse) v);
        } else if (req instanceof S3Request.CreateMultipartUpload c) {
            return HttpAnswer.xml(200, "<InitiateMultipartUploadResult" + NS + ">" + Xml.el("Bucket", c.bucket())
                    + Xml.el("Key", c.key()) + Xml.el("UploadId", (String) v) + "</InitiateMultipartUploadResult>");
        } else if (req instanceof S3Request.UploadPart) {
            return HttpAnswer.empty(200).with("ETag", quoted((String) v));
        } else if (req instanceof S3Request.ListParts l) {
            return parts(l, (ListPartsResponse) v);
        } else if (req instanceof S3Request.ListMultipartUploads l) {
            StringBuilder b = new StringBuilder("<ListMultipartUploadsResult" + NS + ">" + Xml.el("Bucket", l.bucket()));
            ListUploadsResponse u = (ListUploadsResponse) v;
            b.append(Xml.el("IsTruncated", String.valueOf(u.isTruncated())));
            for (UploadInfo i : u.uploads()) {
                b.append("<Upload>").append(Xml.el("Key", i.key())).append(Xml.el("UploadId", i.uploadId()))
                        .append(Xml.el("Initiated", time.isoDate(i.initiated()))).append("</Upload>");
            }
            return HttpAnswer.xml(200, b.append("</ListMultipartUploadsResult>").toString());
        }
        throw new IllegalStateException("no rendering for " + req.getClass().getSimpleName());
    }

    private HttpAnswer failure(S3Request req, S3Failure f, String resource, String requestId) {
        boolean head = req instanceof S3Request.HeadObject || req instanceof S3Request.HeadBucket;
        HttpAnswer a = HttpAnswer.error(f.status(), f.error().code(), f.message(), resource, requestId, head);
        if (f.deleteMarker()) {
            a = a.with("x-amz-delete-marker", "true");
        }
        if (f.versionId().isPresent()) {
            a = a.with("x-amz-version-id", f.versionId().get());
        }
        if (f.lastModified().isPresent()) {
            a = a.with("Last-Modified", time.httpDate(f.lastModified().getAsLong()));
        }
        return a;
    }

    private HttpAnswer written(S3Request req, PutObjectResponse p) {
        HttpAnswer a;
        if (req instanceof S3Request.CompleteMultipartUpload c) {
            a = HttpAnswer.xml(200, "<CompleteMultipartUploadResult" + NS + ">" + Xml.el("Location", "/" + c.bucket() + "/" + c.key())
                    + Xml.el("Bucket", c.bucket()) + Xml.el("Key", c.key()) + Xml.el("ETag", quoted(p.etag()))
                    + "</CompleteMultipartUploadResult>");
        } else if (req instanceof S3Request.CopyObject) {
            a = HttpAnswer.xml(200, "<CopyObjectResult" + NS + ">" + Xml.el("LastModified", time.isoDate(0))
                    + Xml.el("ETag", quoted(p.etag())) + "</CopyObjectResult>");
        } else {
            a = HttpAnswer.empty(200).with("ETag", quoted(p.etag()));
        }
        return p.versionId().map(id -> a.with("x-amz-version-id", id)).orElse(a);
    }

    private HttpAnswer objectHeaders(HttpAnswer a, ObjectInfo i) {
        HttpAnswer h = a.with("ETag", quoted(i.etag())).with("Last-Modified", time.httpDate(i.lastModified()))
                .with("Accept-Ranges", "bytes").with("Content-Type", "binary/octet-stream");
        if (i.versionId().isPresent()) {
            h = h.with("x-amz-version-id", i.versionId().get());
        }
        if (i.storageClass().isPresent()) {
            h = h.with("x-amz-storage-class", i.storageClass().get().name());
        }
        if (i.partsCount() > 1) {
            h = h.with("x-amz-mp-parts-count", String.valueOf(i.partsCount()));
        }
        return h;
    }

    private HttpAnswer deleteResult(S3Request.DeleteObjects d, List<?> each) {
        StringBuilder b = new StringBuilder("<DeleteResult" + NS + ">");
        for (int i = 0; i < each.size(); i++) {
            S3Result<?> r = (S3Result<?>) each.get(i);
            String key = d.keys().get(i);
            if (r instanceof S3Result.Err<?> e) {
                b.append("<Error>").append(Xml.el("Key", key)).append(Xml.el("Code", e.failure().error().code()))
                        .append(Xml.el("Message", e.failure().message())).append("</Error>");
            } else {
                DeleteObjectResponse ok = (DeleteObjectResponse) r.orThrow();
                b.append("<Deleted>").append(Xml.el("Key", key));
                if (ok.deleteMarker()) {
                    b.append(Xml.el("DeleteMarker", "true"));
                    ok.versionId().ifPresent(id -> b.append(Xml.el("DeleteMarkerVersionId", id)));
                }
                b.append("</Deleted>");
            }
        }
        return HttpAnswer.xml(200, b.append("</DeleteResult>").toString());
    }

    private HttpAnswer listV2(S3Request.ListObjectsV2 l, ListObjectsV2Response r) {
        StringBuilder b = new StringBuilder("<ListBucketResult" + NS + ">").append(Xml.el("Name", l.bucket()))
                .append(Xml.el("Prefix", l.request().prefix())).append(Xml.el("KeyCount", String.valueOf(r.keyCount())))
                .append(Xml.el("MaxKeys", String.valueOf(r.maxKeys()))).append(Xml.el("IsTruncated", String.valueOf(r.isTruncated())));
        l.request().delimiter().ifPresent(d -> b.append(Xml.el("Delimiter", d)));
        l.request().continuationToken().ifPresent(t -> b.append(Xml.el("ContinuationToken", t)));
        l.request().startAfter().ifPresent(s -> b.append(Xml.el("StartAfter", s)));
        r.nextContinuationToken().ifPresent(t -> b.append(Xml.el("NextContinuationToken", t)));
        for (ListEntry e : r.contents()) {
            b.append("<Contents>").append(Xml.el("Key", e.key())).append(Xml.el("LastModified", time.isoDate(e.lastModified())))
                    .append(Xml.el("ETag", quoted(e.etag()))).append(Xml.el("Size", String.valueOf(e.size())))
                    .append(Xml.el("StorageClass", e.storageClass().name())).append("</Contents>");
        }
        for (String p : r.commonPrefixes()) {
            b.append("<CommonPrefixes>").append(Xml.el("Prefix", p)).append("</CommonPrefixes>");
        }
        return HttpAnswer.xml(200, b.append("</ListBucketResult>").toString());
    }

    private HttpAnswer versions(S3Request.ListObjectVersions l, ListVersionsResponse r) {
        StringBuilder b = new StringBuilder("<ListVersionsResult" + NS + ">").append(Xml.el("Name", l.bucket()))
                .append(Xml.el("Prefix", l.prefix())).append(Xml.el("MaxKeys", String.valueOf(r.maxKeys())))
                .append(Xml.el("IsTruncated", String.valueOf(r.isTruncated())));
        r.nextKeyMarker().ifPresent(m -> b.append(Xml.el("NextKeyMarker", m)));
        r.nextVersionIdMarker().ifPresent(m -> b.append(Xml.el("NextVersionIdMarker", m)));
        for (VersionEntry e : r.versions()) {
            String tag = e.deleteMarker() ? "DeleteMarker" : "Version";
            b.append('<').append(tag).append('>').append(Xml.el("Key", e.key())).append(Xml.el("VersionId", e.versionId()))
                    .append(Xml.el("IsLatest", String.valueOf(e.isLatest())))
                    .append(Xml.el("LastModified", time.isoDate(e.lastModified())));
            if (!e.deleteMarker()) {
                e.etag().ifPresent(t -> b.append(Xml.el("ETag", quoted(t))));
                b.append(Xml.el("Size", String.valueOf(e.size()))).append(Xml.el("StorageClass", e.storageClass().name()));
            }
            b.append("</").append(tag).append('>');
        }
        return HttpAnswer.xml(200, b.append("</ListVersionsResult>").toString());
    }

    private HttpAnswer parts(S3Request.ListParts l, ListPartsResponse r) {
        StringBuilder b = new StringBuilder("<ListPartsResult" + NS + ">").append(Xml.el("Bucket", l.bucket()))
                .append(Xml.el("Key", l.key())).append(Xml.el("UploadId", l.uploadId()))
                .append(Xml.el("MaxParts", String.valueOf(l.maxParts())))
                .append(Xml.el("IsTruncated", String.valueOf(r.isTruncated())));
        r.nextPartNumberMarker().ifPresent(m -> b.append(Xml.el("NextPartNumberMarker", String.valueOf(m))));
        for (PartInfo p : r.parts()) {
            b.append("<Part>").append(Xml.el("PartNumber", String.valueOf(p.partNumber())))
                    .append(Xml.el("LastModified", time.isoDate(p.lastModified()))).append(Xml.el("ETag", quoted(p.etag())))
                    .append(Xml.el("Size", String.valueOf(p.size()))).append("</Part>");
        }
        return HttpAnswer.xml(200, b.append("</ListPartsResult>").toString());
    }

    private static byte[] bytes(Body b) {
        if (b instanceof Body.Bytes x) {
            return x.bytes();
        }
        return new byte[0]; // a large body: the caller attaches its stream from the blob store
    }

    static String quoted(String etag) {
        return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}

package io.faultline.models.s3.governance;

import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.GetObjectResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One server access log record in S3's documented format (FIDELITY A16.15): space-separated fields
 * {@code bucket_owner bucket [time] remote_ip requester request_id operation key "request_uri"
 * http_status error_code bytes_sent object_size total_time turn_around_time "referrer" "user_agent"
 * version_id host_id signature_version cipher_suite authentication_type host_header tls_version
 * access_point_arn acl_required}, {@code -} where a field has no value. The model knows neither
 * accounts nor clients, so owner, remote IP, requester and user agent are {@code -}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AccessLogLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss '+0000'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AccessLogLine() {
    }

    /** The record of {@code r}, answered {@code result}, arrived at epoch milliseconds {@code epochMillis}. */
    public static String of(S3Request r, S3Result<?> result, long epochMillis, long requestNumber) {
        String key = key(r);
        String status = result instanceof S3Result.Err<?> e ? String.valueOf(e.failure().status()) : "200";
        String error = result instanceof S3Result.Err<?> e ? e.failure().error().code() : "-";
        String bytes = result instanceof S3Result.Ok<?> ok && ok.value() instanceof GetObjectResponse g ? String.valueOf(g.body().size()) : "-";
        String op = operation(r);
        String uri = op.replace("REST.", "").split("\\.")[0] + " /" + r.bucket() + (key.equals("-") ? "" : "/" + key) + " HTTP/1.1";
        return String.join(" ", "-", r.bucket(), "[" + TIME.format(Instant.ofEpochMilli(epochMillis)) + "]", "-", "-",
                String.format("%016X", requestNumber), op, key, "\"" + uri + "\"", status, error, bytes, "-", "-", "-", "\"-\"",
                "\"-\"", "-", "-", "SigV4", "-", "AuthHeader", "-", "-", "-", "-");
    }

    static String operation(S3Request r) {
        if (r instanceof S3Request.PutObject) {
            return "REST.PUT.OBJECT";
        } else if (r instanceof S3Request.GetObject) {
            return "REST.GET.OBJECT";
        } else if (r instanceof S3Request.HeadObject) {
            return "REST.HEAD.OBJECT";
        } else if (r instanceof S3Request.DeleteObject) {
            return "REST.DELETE.OBJECT";
        } else if (r instanceof S3Request.DeleteObjects) {
            return "REST.POST.MULTI_OBJECT_DELETE";
        } else if (r instanceof S3Request.CopyObject) {
            return "REST.COPY.OBJECT";
        } else if (r instanceof S3Request.ListObjectsV2 || r instanceof S3Request.ListObjectVersions) {
            return "REST.GET.BUCKET";
        } else if (r instanceof S3Request.CreateMultipartUpload) {
            return "REST.POST.UPLOADS";
        } else if (r instanceof S3Request.UploadPart) {
            return "REST.PUT.PART";
        } else if (r instanceof S3Request.CompleteMultipartUpload) {
            return "REST.POST.UPLOAD";
        }
        return "REST." + r.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    }

    private static String key(S3Request r) {
        if (r instanceof S3Request.PutObject p) {
            return p.key();
        } else if (r instanceof S3Request.GetObject g) {
            return g.key();
        } else if (r instanceof S3Request.HeadObject h) {
            return h.key();
        } else if (r instanceof S3Request.DeleteObject d) {
            return d.key();
        } else if (r instanceof S3Request.CopyObject c) {
            return c.key();
        }
        return "-";
    }
}

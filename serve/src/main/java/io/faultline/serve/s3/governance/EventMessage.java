package io.faultline.serve.s3.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.models.s3.governance.ObjectEvent;
import io.faultline.serve.s3.crypto.SealedObject;
import io.faultline.serve.s3.http.TimeBase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The message body a queue or function receives (FIDELITY A16.13). For an event: S3's JSON event
 * structure, one record under {@code Records}, with {@code eventVersion} 2.1, {@code eventSource}
 * {@code aws:s3}, the event's time in ISO 8601, its name without the {@code s3:} prefix, who caused
 * it ({@code userIdentity}), from where ({@code requestParameters}), the request id the server
 * answered ({@code responseElements}), and under {@code s3} the configuration id, the bucket (name,
 * owner, ARN) and the object: key (URL-encoded as S3 sends it, slashes kept), size and ETag (a created object's,
 * as a client sees them: the plaintext's size), version id when the bucket is versioned, and the
 * sequencer. For a new configuration: the {@code s3:TestEvent} message.
 *
 * <pre>{@code
 * {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
 *   "eventTime":"2026-12-07T15:17:11.000Z","eventName":"ObjectCreated:Put",
 *   "userIdentity":{"principalId":"alice"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
 *   "responseElements":{"x-amz-request-id":"0000000000000007","x-amz-id-2":"0000000000000007"},
 *   "s3":{"s3SchemaVersion":"1.0","configurationId":"new-files",
 *         "bucket":{"name":"uploads","ownerIdentity":{"principalId":"alice"},"arn":"arn:aws:s3:::uploads"},
 *         "object":{"key":"a+b.txt","size":5,"eTag":"5d41...","sequencer":"0000000000000001"}}}]}
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EventMessage {
    /** The region every served bucket is in (the SDK tests use us-east-1). */
    public static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventMessage() {
    }

    /**
     * The JSON body of {@code d}; {@code origin} is what the server knew of the request that caused
     * it, {@code sealed} the encrypted write its ETag names, if any.
     */
    public static String json(Delivery d, EventOrigin origin, TimeBase time, Optional<SealedObject> sealed) {
        ObjectEvent e = d.event();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", REGION);
        record.put("eventTime", time.isoDate(e.eventTime()));
        record.put("eventName", e.eventName());
        record.putObject("userIdentity").put("principalId", origin.principalId());
        record.putObject("requestParameters").put("sourceIPAddress", origin.sourceIp());
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", origin.requestId());
        response.put("x-amz-id-2", origin.requestId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", e.configurationId());
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", e.bucket());
        bucket.putObject("ownerIdentity").put("principalId", origin.bucketOwner());
        bucket.put("arn", "arn:aws:s3:::" + e.bucket());
        ObjectNode object = s3.putObject("object");
        // URL-encoded as S3 sends it (a space is "+"), the slashes of a key's "folders" kept.
        object.put("key", URLEncoder.encode(e.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        if (e.eventName().startsWith("ObjectCreated:")) {
            object.put("size", sealed.map(SealedObject::plaintextSize).orElse(e.size()));
            object.put("eTag", sealed.map(SealedObject::shownEtag).orElse(unquote(e.etag())));
        }
        e.versionId().ifPresent(v -> object.put("versionId", v));
        object.put("sequencer", e.sequencer());
        return write(root);
    }

    /** The {@code s3:TestEvent} message of {@code t}: no {@code Records}, only who sent it about what. */
    public static String json(TestEvent t, TimeBase time) {
        ObjectNode root = JSON.createObjectNode();
        root.put("Service", "Amazon S3");
        root.put("Event", "s3:TestEvent");
        root.put("Time", time.isoDate(t.at()));
        root.put("Bucket", t.bucket());
        root.put("RequestId", t.requestId());
        root.put("HostId", t.requestId());
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("a JSON tree that Jackson cannot write", x);
        }
    }

    static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}

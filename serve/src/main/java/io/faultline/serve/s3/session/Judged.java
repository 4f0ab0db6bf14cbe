package io.faultline.serve.s3.session;

import io.faultline.checker.history.Value;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.GetObjectResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Which served requests enter the client-visible history, in the {@code s3-object} model's
 * vocabulary (keys are {@code bucket/key}): a plain or conditional PUT, a whole-object GET of the
 * latest version and a DELETE of the latest version. Other writes to a key (copy, multipart
 * completion, a version's delete, DeleteObjects) are not in that vocabulary: their keys are left
 * out of the judged history altogether ({@link #unjudgedKeys}), since judging a key half-seen
 * would blame the server for writes the history does not show.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Judged {
    /** A short printable text stays itself in the history; anything else is named by its MD5. */
    static final int TEXT_LIMIT = 64;

    private Judged() {
    }

    /** The operation an invocation records: {@code f} and its value. */
    public record Invocation(String f, Value value) {
    }

    public static Optional<Invocation> of(S3Request r) {
        if (r instanceof S3Request.PutObject p) {
            Value k = key(p.bucket(), p.key());
            Value v = content(p.body());
            if (p.conditions().ifNoneMatchStar()) {
                return Optional.of(new Invocation("cas", Value.vec(k, Value.vec(Value.NIL, v))));
            }
            return Optional.of(new Invocation("put", Value.vec(k, v)));
        }
        if (r instanceof S3Request.GetObject g && g.versionId().isEmpty() && g.conditions().isEmpty()
                && g.range() instanceof io.faultline.models.s3.api.ByteRange.None && g.partNumber().isEmpty()) {
            return Optional.of(new Invocation("get", Value.vec(key(g.bucket(), g.key()), Value.NIL)));
        }
        if (r instanceof S3Request.DeleteObject d && d.versionId().isEmpty()) {
            return Optional.of(new Invocation("delete", Value.vec(key(d.bucket(), d.key()), Value.NIL)));
        }
        return Optional.empty();
    }

    /** Keys a request may change outside the judged vocabulary. */
    public static List<String> unjudgedKeys(S3Request r) {
        if (r instanceof S3Request.CopyObject c) {
            return List.of(c.bucket() + "/" + c.key());
        }
        if (r instanceof S3Request.CompleteMultipartUpload c) {
            return List.of(c.bucket() + "/" + c.key());
        }
        if (r instanceof S3Request.DeleteObject d && d.versionId().isPresent()) {
            return List.of(d.bucket() + "/" + d.key());
        }
        if (r instanceof S3Request.DeleteObjects d) {
            return d.keys().stream().map(k -> d.bucket() + "/" + k).toList();
        }
        return List.of();
    }

    /** How an answer completes the operation: ok, fail (certainly not applied) or info (unknown). */
    public sealed interface Outcome {
        record Ok(Value value) implements Outcome {
        }

        record Fail(Value value) implements Outcome {
        }

        record Info(Value value) implements Outcome {
        }
    }

    public static Outcome outcome(Invocation inv, S3Result<?> result) {
        if (result instanceof S3Result.Ok<?> ok) {
            if (inv.f().equals("get")) {
                Body body = ((GetObjectResponse) ok.value()).body();
                return new Outcome.Ok(Value.vec(((Value.Vec) inv.value()).items().get(0), content(body)));
            }
            return new Outcome.Ok(inv.value());
        }
        S3Error e = result.failureOrThrow().error();
        if (inv.f().equals("get") && e == S3Error.NO_SUCH_KEY) {
            return new Outcome.Ok(inv.value());
        }
        // A 5xx may come after the write started (FIDELITY A1.3): unknown, as a Jepsen client says.
        if (e.status() >= 500 && !inv.f().equals("get")) {
            return new Outcome.Info(inv.value());
        }
        return new Outcome.Fail(inv.value());
    }

    static Value key(String bucket, String key) {
        return Value.of(bucket + "/" + key);
    }

    /** The content as the history shows it: the text if short and printable, else {@code md5:HEX}. */
    public static Value content(Body body) {
        if (body instanceof Body.Bytes b && b.size() <= TEXT_LIMIT) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b.bytes())).toString();
                if (s.chars().noneMatch(Character::isISOControl) && !s.startsWith("md5:")) {
                    return Value.of(s);
                }
            } catch (CharacterCodingException e) {
                // not text: named by its MD5 below
            }
        }
        return Value.of("md5:" + body.etag());
    }
}

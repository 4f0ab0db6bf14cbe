package io.faultline.serve.s3;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.store.Limits;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.serve.s3.access.AccessControl;
import io.faultline.serve.s3.access.BucketAccess;
import io.faultline.serve.s3.auth.Authenticated;
import io.faultline.serve.s3.auth.Authenticator;
import io.faultline.serve.s3.auth.AwsUri;
import io.faultline.serve.s3.auth.Principal;
import io.faultline.serve.s3.blob.Blob;
import io.faultline.serve.s3.blob.BlobId;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.crypto.Encryption;
import io.faultline.serve.s3.crypto.Sse;
import io.faultline.serve.s3.governance.EventOrigin;
import io.faultline.serve.s3.governance.GovernanceConfigs;
import io.faultline.serve.s3.governance.MfaDelete;
import io.faultline.serve.s3.website.WebsiteEndpoint;
import io.faultline.serve.s3.http.Addressing;
import io.faultline.serve.s3.http.CopySource;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.RequestMapper;
import io.faultline.serve.s3.http.ResponseRenderer;
import io.faultline.serve.s3.http.TimeBase;
import io.faultline.serve.s3.http.WireRequest;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * One request's way through the server, in this order: address (bucket, key), authenticate
 * (SigV4), authorize (policies, ACLs, Object Ownership, Block Public Access), MFA delete, the
 * answers kept outside the model (ACLs and the other bucket settings), encryption of what is
 * written, map to the model's request, call the model, open what is read, render. A request to a
 * website host ({@code BUCKET.s3-website.localhost}) takes another way: the website endpoint,
 * anonymous, over the same model. Each stage can
 * refuse with S3's error; only requests that pass every stage reach the model and the session.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class S3Service {
    /** S3's limit on a request's header section, 8 KB (FIDELITY A16.4). */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final long MODEL_TIMEOUT_SECONDS = 120;
    /**
     * Set by the HTTP layer on a request whose body is above S3's 5 GB single-PUT limit: "declared"
     * when its declared size says so (nothing read at all), "sent" when it stopped reading there.
     */
    static final String TOO_LARGE = "x-faultline-body-too-large";
    /** Set by the HTTP layer on a request that came over TLS. */
    static final String SECURE = "x-faultline-secure";

    private final Authenticator authenticator;
    private final AccessControl access;
    private final MfaDelete mfa;
    private final BlobStore blobs;
    private final Encryption encryption;
    private final WebsiteEndpoint website = new WebsiteEndpoint();
    private final RequestMapper mapper;
    private final ResponseRenderer renderer;
    private final LiveModel model;
    private final Copies copies;
    private final AtomicLong requestIds = new AtomicLong(1);

    public S3Service(ServeConfig config, Authenticator authenticator, TimeBase time, LiveModel model, BlobStore blobs) {
        this.authenticator = authenticator;
        this.blobs = blobs;
        this.encryption = new Encryption(blobs);
        this.access = new AccessControl(config.bucketQuota());
        this.mfa = new MfaDelete(config.mfaDevices());
        this.mapper = new RequestMapper(time);
        this.renderer = new ResponseRenderer(time);
        this.model = model;
        this.copies = new Copies(this, encryption, access, mapper, renderer, time, blobs);
    }

    /** The encryption stage, for its KMS (keys, rotation, audit trail) and SSE-S3 master key. */
    public Encryption encryption() {
        return encryption;
    }

    /** Serves {@code in}, which came from {@code sourceIp}. */
    public HttpAnswer handle(IncomingRequest in, String sourceIp) {
        String requestId = String.format("%016X", requestIds.getAndIncrement());
        String resource = in.rawPath();
        HttpAnswer answer;
        try {
            answer = serve(in, resource, requestId, sourceIp);
        } catch (Refusal r) {
            answer = HttpAnswer.error(r.status(), r.code(), r.getMessage(), resource, requestId, in.method().equals("HEAD"));
        }
        return answer.with("x-amz-request-id", requestId).with("x-amz-id-2", requestId).with("Server", "faultline");
    }

    private HttpAnswer serve(IncomingRequest in, String resource, String requestId, String sourceIp) {
        int headerBytes = in.headers().entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 4).sum();
        if (headerBytes > MAX_HEADER_BYTES) {
            throw new Refusal(400, "RequestHeaderSectionTooLarge", "Your request header section exceeds the maximum allowed size.");
        }
        if (in.header(TOO_LARGE).isPresent()) {
            // FIDELITY A2: a single PUT (or part) carries at most 5 GB; refused before the body is stored.
            throw new Refusal(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size ("
                    + Limits.MAX_PUT_BYTES + " bytes).");
        }
        if (in.header(SECURE).isEmpty() && Sse.customerKeyHeaders(in)) {
            // S3 rejects SSE-C over plain HTTP: the key would have crossed the network in the clear (FIDELITY A16.10).
            throw new Refusal(400, "InvalidRequest", "Requests specifying Server Side Encryption with Customer provided keys"
                    + " must be made over a secure connection.");
        }
        long now = System.currentTimeMillis();
        Optional<String> site = WebsiteEndpoint.bucketOf(in.header("host").orElse(""));
        if (site.isPresent()) {
            String key = AwsUri.decode(in.rawPath().startsWith("/") ? in.rawPath().substring(1) : in.rawPath());
            return website.serve(in.method(), site.get(), key, in.header("host").orElse(""), (b, k) -> websiteRead(b, k, now));
        }
        Addressing.Target target = Addressing.resolve(in.header("host").orElse(""), in.rawPath());
        Authenticated auth = authenticator.authenticate(in, now);
        try {
            return authenticated(in, target, auth, resource, requestId, sourceIp, now);
        } finally {
            if (auth.spooled().isPresent() && !auth.spooled().equals(in.spooled())) {
                blobs.discard(auth.spooled().get().id().label()); // a decoded aws-chunked payload
            }
        }
    }

    private HttpAnswer authenticated(IncomingRequest in, Addressing.Target target, Authenticated auth, String resource,
                                     String requestId, String sourceIp, long now) {
        checkContentMd5(in, auth.spooled().map(Blob::md5).orElseGet(() -> md5(auth.payload())));
        WireRequest w = new WireRequest(in.method(), target.bucket(), target.key(), firstValues(in.query()),
                meaningful(in.headers()), auth.payload(), auth.spooled().map(Blob::id).orElse(BlobId.NONE));
        if (w.blob().exists() && !carriesObjectBytes(w)) {
            // Only an object's or a part's bytes may be large; an XML document of over a MiB is refused unread.
            throw new Refusal(400, "MaxMessageLengthExceeded", "Your request was too big.");
        }
        access.authorize(auth.principal(), w);
        mfa.check(w, access.bucket(w.bucket()), in.header("x-amz-mfa"), now);
        Optional<HttpAnswer> local = access.local(auth.principal(), w).or(() -> website.local(w))
                .or(() -> encryption.defaults().local(w));
        if (local.isPresent()) {
            return local.get();
        }
        if (GovernanceConfigs.handles(w)) {
            return configure(w, requestId);
        }
        Optional<String> account = auth.principal() instanceof Principal.Account a ? Optional.of(a.account()) : Optional.empty();
        EventOrigin origin = new EventOrigin(account.orElse("anonymous"), sourceIp, requestId,
                access.bucket(w.bucket()).map(BucketAccess::owner).orElse(""));
        // A copy writes an object: x-amz-copy-source on a bucket's PUT (CreateBucket) is no copy, and reads nothing.
        Optional<CopySource> source = w.method().equals("PUT") && !w.key().isEmpty() ? CopySource.of(w) : Optional.empty();
        if (source.isPresent()) {
            return copies.copy(new Copies.Copy(in, w, source.get(), auth.principal(), account, origin, resource, now));
        }
        Encryption.Prepared prepared = encryption.prepare(account, in, w, now);
        S3Request request = mapper.map(prepared.wire());
        S3Result<?> result = call(prepared.wire(), request, origin);
        learnReplica(request, result);
        if (result.isOk()) {
            access.accepted(auth.principal(), w);
            if (request instanceof S3Request.DeleteBucket d) {
                website.bucketDeleted(d.bucket());
                encryption.defaults().bucketDeleted(d.bucket());
            }
            if (request instanceof S3Request.PutBucketVersioning v) {
                access.versioningChanged(v.bucket(), v.status(), MfaDelete.requestedMfaDelete(w)
                        .orElse(access.bucket(v.bucket()).map(b -> b.mfaDelete()).orElse(false)));
            }
        }
        Encryption.Revealed shown = encryption.reveal(account, prepared, request, result, now);
        String owner = account.orElse("anonymous");
        HttpAnswer answer = renderer.render(request, shown.result(), resource, requestId, b -> access.owns(owner, b), owner);
        if (shown.stream().isPresent() && shown.result().isOk()) {
            answer = answer.streaming(shown.stream().get());
        }
        for (Map.Entry<String, String> h : shown.headers().entrySet()) {
            answer = answer.with(h.getKey(), h.getValue());
        }
        Optional<String> replication = replicationStatus(request, result);
        return replication.isPresent() ? answer.with("x-amz-replication-status", replication.get()) : answer;
    }

    /**
     * A replica of a multipart or copied object is written by a PUT: the source's sealed bytes under
     * a stored ETag of its own, which the encryption stage learns here to open it (FIDELITY A16.14).
     */
    private void learnReplica(S3Request request, S3Result<?> result) {
        if (!result.isOk() || !(request instanceof S3Request.GetObject || request instanceof S3Request.HeadObject)) {
            return;
        }
        ObjectInfo info = result.orThrow() instanceof GetObjectResponse g ? g.info() : (ObjectInfo) result.orThrow();
        if (encryption.sealedBy(info.etag()).isPresent()) {
            return;
        }
        String key = request instanceof S3Request.GetObject g ? g.key() : ((S3Request.HeadObject) request).key();
        model.governance(gov -> gov.replicaSourceEtag(request.bucket(), key, info.etag()))
                .ifPresent(source -> encryption.alias(info.etag(), source));
    }

    /** {@code x-amz-replication-status} of the version a GET or HEAD read (FIDELITY A16.14). */
    private Optional<String> replicationStatus(S3Request request, S3Result<?> result) {
        if (!result.isOk() || !(request instanceof S3Request.GetObject || request instanceof S3Request.HeadObject)) {
            return Optional.empty();
        }
        ObjectInfo info = result.orThrow() instanceof GetObjectResponse g ? g.info() : (ObjectInfo) result.orThrow();
        String key = request instanceof S3Request.GetObject g ? g.key() : ((S3Request.HeadObject) request).key();
        return model.governance(gov -> gov.replicationStatus(request.bucket(), key, info.etag()));
    }

    /** {@code ?notification}, {@code ?replication}, {@code ?logging}: the model's governance, at "now". */
    private HttpAnswer configure(WireRequest w, String requestId) {
        GovernanceConfigs.validate(w);
        if (w.hasParam("replication") && w.method().equals("PUT")
                && access.bucket(w.bucket()).flatMap(b -> b.versioning()).filter("Enabled"::equals).isEmpty()) {
            throw new Refusal(400, "InvalidRequest", "Versioning must be 'Enabled' on the bucket to apply a replication configuration");
        }
        try {
            return model.configure(w, requestId).get(MODEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(503, "ServiceUnavailable", "The server is shutting down");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal r) {
                throw r;
            }
            throw new Refusal(500, "InternalError", "We encountered an internal error. Please try again.");
        } catch (TimeoutException e) {
            throw new Refusal(500, "InternalError", "We encountered an internal error. Please try again.");
        }
    }

    /** A read of the website endpoint: anonymous, through the model like any GET, of public objects only. */
    private WebsiteEndpoint.Fetched websiteRead(String bucket, String key, long now) {
        if (!access.publiclyReadable(bucket, key)) {
            return new WebsiteEndpoint.Fetched(403, "AccessDenied");
        }
        IncomingRequest none = new IncomingRequest("GET", "/", Map.of(), Map.of(), new byte[0]);
        WireRequest w = new WireRequest("GET", bucket, key, Map.of(), Map.of(), new byte[0]);
        try {
            Encryption.Prepared prepared = encryption.prepare(Optional.empty(), none, w, now);
            S3Request request = mapper.map(prepared.wire());
            EventOrigin nobody = new EventOrigin("anonymous", "", "", ""); // a read: it causes no event
            Encryption.Revealed read = encryption.reveal(Optional.empty(), prepared, request, call(prepared.wire(), request, nobody), now);
            S3Result<?> result = read.result();
            if (result instanceof S3Result.Err<?> e) {
                return new WebsiteEndpoint.Fetched(e.failure().status(), e.failure().error().code());
            }
            return new WebsiteEndpoint.Fetched(200, "", content(read));
        } catch (Refusal r) {
            return new WebsiteEndpoint.Fetched(r.status(), r.code());
        }
    }

    /** The plaintext a revealed GET answered with, as an answer's body: its bytes, or its stream. */
    private static HttpAnswer content(Encryption.Revealed read) {
        Body body = ((GetObjectResponse) read.result().orThrow()).body();
        HttpAnswer a = new HttpAnswer(200, Map.of("Content-Length", String.valueOf(body.size())),
                body instanceof Body.Bytes b ? b.bytes() : new byte[0]);
        return read.stream().map(a::streaming).orElse(a);
    }


    S3Result<?> call(WireRequest w, S3Request request, EventOrigin origin) {
        try {
            return model.call(w, request, origin).get(MODEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(503, "ServiceUnavailable", "The server is shutting down");
        } catch (ExecutionException | TimeoutException e) {
            throw new Refusal(500, "InternalError", "We encountered an internal error. Please try again.");
        }
    }

    /** Content-MD5, when sent, must be the payload's (400 BadDigest, FIDELITY A16.4). */
    private static void checkContentMd5(IncomingRequest in, byte[] payloadMd5) {
        Optional<String> md5 = in.header("content-md5");
        if (md5.isEmpty()) {
            return;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(md5.get().trim());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");
        }
        if (!MessageDigest.isEqual(given, payloadMd5)) {
            throw new Refusal(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
    }

    private static byte[] md5(byte[] payload) {
        try {
            return MessageDigest.getInstance("MD5").digest(payload);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    /** A PutObject or UploadPart: the requests whose payload is an object's bytes. */
    private static boolean carriesObjectBytes(WireRequest w) {
        return w.method().equals("PUT") && !w.key().isEmpty()
                && (w.query().isEmpty() || w.hasParam("partNumber") && w.hasParam("uploadId"));
    }

    /** The query without the presigned URL's X-Amz-* parameters (a credential, not part of the request). */
    private static Map<String, String> firstValues(Map<String, List<String>> query) {
        Map<String, String> out = new TreeMap<>();
        query.forEach((k, v) -> {
            if (!k.startsWith("X-Amz-") && !k.startsWith("x-id")) {
                out.put(k, v.isEmpty() ? "" : v.get(0));
            }
        });
        return out;
    }

    private static Map<String, String> meaningful(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (WireRequest.MEANINGFUL.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}

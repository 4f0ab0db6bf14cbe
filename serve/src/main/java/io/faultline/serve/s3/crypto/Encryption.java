package io.faultline.serve.s3.crypto;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListEntry;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.ListVersionsResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.response.VersionEntry;
import io.faultline.serve.s3.blob.Blob;
import io.faultline.serve.s3.blob.BlobId;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.http.RequestMapper;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.response.ListPartsResponse;
import io.faultline.models.s3.api.response.PartInfo;
import io.faultline.serve.s3.http.Xml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Element;
import org.apiguardian.api.API;

/**
 * The encryption stage (FIDELITY A16.10), on both sides of the model call. Before it, a PUT has its
 * payload sealed with AES-256-GCM under a fresh data key, in the mode it asks for (SSE-S3, SSE-KMS,
 * SSE-C) or else in its bucket's default (SSE-S3 unless configured, FIDELITY A16.16),
 * and the model stores (and the session records) only the sealed envelope; a ranged GET of a key
 * that was ever encrypted asks the model for the whole object, since a range of ciphertext is no
 * range of the plaintext. After it, a GET is opened (SSE-C only with the customer's key, SSE-KMS
 * through an audited KMS Decrypt), sliced to its range, and sizes and ETags in answers and listings
 * are the plaintext's, as S3 shows them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Encryption {
    private final MasterKeys master = new MasterKeys();
    private final Kms kms = new Kms();
    private final SealedObjects sealed = new SealedObjects();
    private final BucketEncryption defaults = new BucketEncryption();
    private final SealedUploads uploads = new SealedUploads();
    private final byte[] salt = Aes.randomBytes(32);
    private final BlobStore blobs;

    /** {@code blobs} holds the large bodies: their plaintext on the way in, their sealed form for good. */
    public Encryption(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** A request on its way to the model, with what the stage must remember until the answer. */
    public record Prepared(WireRequest wire, Sse asked, Optional<ByteRange> deferredRange, Optional<SealingKey> started) {
    }

    /**
     * The model's answer as the client sees it, and the encryption headers to add; a GET of a large
     * body has its plaintext in {@code stream}, opened as it is written to the client.
     */
    public record Revealed(S3Result<?> result, Map<String, String> headers, Optional<HttpAnswer.Streamed> stream) {
        public Revealed(S3Result<?> result, Map<String, String> headers) {
            this(result, headers, Optional.empty());
        }
    }

    public Kms kms() {
        return kms;
    }

    public MasterKeys masterKeys() {
        return master;
    }

    /** The encrypted write whose stored envelope has this ETag, if it is one (what S3 shows of it). */
    public Optional<SealedObject> sealedBy(String storedEtag) {
        return sealed.byStoredEtag(storedEtag);
    }

    /** A replica, stored by a PUT under its own ETag, holds the sealed bytes of the version with {@code sourceStoredEtag}. */
    public void alias(String replicaStoredEtag, String sourceStoredEtag) {
        sealed.byStoredEtag(sourceStoredEtag).ifPresent(s -> sealed.alias(replicaStoredEtag, s));
    }

    /** The buckets' default encryption (FIDELITY A16.16), for {@code ?encryption}. */
    public BucketEncryption defaults() {
        return defaults;
    }

    public Prepared prepare(Optional<String> account, IncomingRequest in, WireRequest w, long epochMillis) {
        Sse asked = Sse.of(in);
        String bucketKey = w.bucket() + "/" + w.key();
        if (w.key().isEmpty()) {
            return new Prepared(w, asked, Optional.empty(), Optional.empty());
        }
        // A copy (CopyObject, UploadPartCopy) comes here as the GET of its source and the PUT or UploadPart it writes.
        boolean plainPut = w.method().equals("PUT") && w.query().isEmpty();
        boolean create = w.method().equals("POST") && w.hasParam("uploads");
        boolean part = w.method().equals("PUT") && w.hasParam("partNumber") && w.hasParam("uploadId");
        boolean complete = w.method().equals("POST") && w.hasParam("uploadId");
        if (!(asked instanceof Sse.None) && !plainPut && !create && !part && !complete && !w.method().equals("GET")
                && !w.method().equals("HEAD")) {
            throw Refusal.notImplemented("server-side encryption headers on " + w.describe()
                    + " (PUTs, copies and multipart uploads are encrypted)");
        }
        WireRequest out = translateConditions(w, bucketKey);
        // Since January 2023 no new object is stored unencrypted (FIDELITY A16.16).
        Sse chosen = asked instanceof Sse.None ? defaults.defaultFor(w.bucket()) : asked;
        Optional<SealingKey> started = Optional.empty();
        if (plainPut) {
            out = seal(out, asked, sealingKey(account, chosen, bucketKey, epochMillis), bucketKey);
        } else if (create) {
            started = Optional.of(sealingKey(account, chosen, bucketKey, epochMillis));
        } else if (part) {
            out = sealPart(out, asked);
        } else if (complete) {
            out = storedParts(out);
        }
        Optional<ByteRange> range = Optional.empty();
        // Every object written since default encryption is sealed, and a range of ciphertext is no range of the plaintext.
        if ((w.method().equals("GET")) && w.header("range").isPresent()) {
            range = Optional.of(ByteRange.parse(w.header("range").get()));
            out = without(out, "range");
        }
        return new Prepared(out, asked, range, started);
    }

    /** The key material of a new object or upload encrypted as {@code sse} (SSE-KMS: an audited GenerateDataKey). */
    private SealingKey sealingKey(Optional<String> account, Sse sse, String bucketKey, long epochMillis) {
        if (sse instanceof Sse.KmsManaged k) {
            String who = account.orElseThrow(() -> Refusal.accessDenied("Anonymous users cannot use KMS keys"));
            String arn = kms.resolve(who, k.keyId());
            DataKey key = kms.generateDataKey(who, arn, "arn:aws:s3:::" + bucketKey, epochMillis);
            return new SealingKey(bucketKey, Sse.Mode.SSE_KMS, Optional.of(key), Optional.of(arn), Optional.empty(), Optional.empty());
        }
        if (sse instanceof Sse.CustomerKey c) {
            return new SealingKey(bucketKey, Sse.Mode.SSE_C, Optional.empty(), Optional.empty(), Optional.of(c.keyMd5()),
                    Optional.of(check(c.key())));
        }
        return new SealingKey(bucketKey, Sse.Mode.SSE_S3, Optional.of(master.newDataKey()), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The key to seal under: {@code k}'s data key, or the customer's key {@code asked} brings (SSE-C). */
    private static DataKey dataKey(SealingKey k, Sse asked) {
        return k.dataKey().orElseGet(() -> new DataKey(((Sse.CustomerKey) asked).key(),
                new WrappedKey("sse-c", 0, new byte[0], new byte[0])));
    }

    /** A payload sealed: what the model is to store, the plaintext's size and ETag (hex MD5), the blob if any. */
    private record SealedPayload(WireRequest wire, long plaintextSize, String shownEtag, String storedEtag, List<BlobId> blobs) {
    }

    /**
     * {@code w}'s payload sealed under {@code k}: a small one as one envelope in the request, a large
     * one (or any part: {@code segmented}) in segments into the blob store, streamed from its
     * plaintext there (never whole in memory).
     */
    private SealedPayload sealPayload(WireRequest w, SealingKey k, Sse asked, boolean segmented) {
        DataKey key = dataKey(k, asked);
        if (!w.blob().exists() && segmented) {
            byte[] plaintext = w.body();
            Blob stored = keep(out -> SegmentedEnvelope.seal(k.mode(), key.sealed(), key.plaintext(),
                    new java.io.ByteArrayInputStream(plaintext), plaintext.length, out));
            return held(w, stored, plaintext.length, ETags.hex(ETags.md5(plaintext)));
        }
        if (!w.blob().exists()) {
            byte[] plaintext = w.body();
            byte[] iv = Aes.randomBytes(Aes.IV_BYTES);
            byte[] envelope = new Envelope(k.mode(), key.sealed(), iv, Aes.encrypt(key.plaintext(), iv, plaintext)).toBytes();
            return new SealedPayload(w.withPayload(envelope, BlobId.NONE), plaintext.length, ETags.hex(ETags.md5(plaintext)),
                    ETags.hex(ETags.md5(envelope)), List.of());
        }
        Blob plain = blobs.find(w.blob().label()).orElseThrow(() -> new IllegalStateException("no blob " + w.blob().label()));
        try (java.io.InputStream in = blobs.open(plain.id().label(), 0)) {
            Blob stored = keep(out -> SegmentedEnvelope.seal(k.mode(), key.sealed(), key.plaintext(), in, plain.id().size(), out));
            return held(w, stored, plain.id().size(), ETags.hex(plain.md5()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot seal a large body", e);
        }
    }

    /**
     * A sealed blob as the model holds it: its label and the plaintext's size (not the few bytes more
     * the segments' tags take), so that S3's size limits apply to what the client sent (FIDELITY A2).
     */
    private static SealedPayload held(WireRequest w, Blob stored, long plaintextSize, String plaintextMd5) {
        BlobId id = new BlobId(stored.id().label(), plaintextSize);
        return new SealedPayload(w.withPayload(new byte[0], id), plaintextSize, plaintextMd5, RequestMapper.body(id).etag(), List.of(id));
    }

    private Blob keep(BlobStore.BodyWriter writer) {
        try {
            return blobs.keep(writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot store a sealed body", e);
        }
    }

    private WireRequest seal(WireRequest w, Sse asked, SealingKey k, String bucketKey) {
        SealedPayload p = sealPayload(w, k, asked, false);
        sealed.add(new SealedObject(bucketKey, k.mode(), p.plaintextSize(), p.shownEtag(), p.storedEtag(),
                k.kmsKeyArn(), k.customerKeyMd5(), k.customerKeyCheck(), List.of(), p.blobs()));
        return p.wire();
    }

    /** An UploadPart, sealed under its upload's key; SSE-C needs the key the upload was started with (FIDELITY A16.10). */
    private WireRequest sealPart(WireRequest w, Sse asked) {
        String uploadId = w.param("uploadId").orElse("");
        Optional<SealingKey> k = uploads.key(uploadId);
        Optional<Integer> n = number(w.param("partNumber").orElse(""));
        if (k.isEmpty() || n.isEmpty()) {
            return w; // an upload this server does not know, or a bad number: the model answers
        }
        if (k.get().mode() == Sse.Mode.SSE_C) {
            if (!(asked instanceof Sse.CustomerKey c)) {
                throw new Refusal(400, "InvalidRequest", "The multipart upload was initiated with a customer-provided key:"
                        + " each part must send it (" + Sse.C_KEY + ")");
            }
            if (!java.security.MessageDigest.isEqual(check(c.key()).getBytes(), k.get().customerKeyCheck().orElse("").getBytes())) {
                throw Refusal.accessDenied("The provided customer key does not match the key the multipart upload was initiated with");
            }
        }
        SealedPayload p = sealPayload(w, k.get(), asked, true);
        uploads.uploaded(uploadId, new SealedPart(n.get(), p.plaintextSize(), p.shownEtag(), p.storedEtag(), p.blobs().get(0)));
        return p.wire();
    }

    /** CompleteMultipartUpload names parts by the ETags the client saw; the model knows the sealed parts' ETags. */
    private WireRequest storedParts(WireRequest w) {
        String uploadId = w.param("uploadId").orElse("");
        Optional<SealingKey> k = uploads.key(uploadId);
        if (k.isEmpty()) {
            return w;
        }
        StringBuilder b = new StringBuilder("<CompleteMultipartUpload>");
        for (Element p : Xml.children(Xml.parse(w.body()), "Part")) {
            String number = Xml.text(p, "PartNumber");
            String etag = Xml.text(p, "ETag");
            String stored = number(number).flatMap(n -> uploads.part(uploadId, n, etag, k.get().mode()))
                    .map(x -> "\"" + x.storedEtag() + "\"").orElse(etag);
            b.append("<Part>").append(Xml.el("PartNumber", number)).append(Xml.el("ETag", stored)).append("</Part>");
        }
        byte[] body = b.append("</CompleteMultipartUpload>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return w.withPayload(body, BlobId.NONE);
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** If-Match / If-None-Match name the ETag the client saw; the model knows the envelope's. */
    private WireRequest translateConditions(WireRequest w, String bucketKey) {
        Map<String, String> h = new TreeMap<>(w.headers());
        for (String name : new String[] {"if-match", "if-none-match"}) {
            w.header(name).flatMap(v -> sealed.storedFor(bucketKey, v)).ifPresent(stored -> h.put(name, "\"" + stored + "\""));
        }
        return w.withHeaders(h);
    }

    private static WireRequest without(WireRequest w, String header) {
        Map<String, String> h = new TreeMap<>(w.headers());
        h.remove(header);
        return w.withHeaders(h);
    }

    /** The model's answer to {@code request} as the client sees it. */
    public Revealed reveal(Optional<String> account, Prepared p, S3Request request, S3Result<?> result, long epochMillis) {
        if (!result.isOk()) {
            return new Revealed(result, Map.of());
        }
        Object v = result.orThrow();
        Optional<Revealed> multipart = revealMultipart(p, request, v);
        if (multipart.isPresent()) {
            return multipart.get();
        }
        if (request instanceof S3Request.PutObject || request instanceof S3Request.CopyObject) {
            PutObjectResponse r = (PutObjectResponse) v;
            Optional<SealedObject> s = sealed.byStoredEtag(r.etag());
            return new Revealed(S3Result.ok(new PutObjectResponse(s.map(SealedObject::shownEtag).orElse(r.etag()), r.versionId())),
                    s.map(Encryption::headers).orElse(Map.of()));
        }
        if (request instanceof S3Request.HeadObject) {
            ObjectInfo i = (ObjectInfo) v;
            Optional<SealedObject> s = opened(i.etag(), p.asked());
            return new Revealed(S3Result.ok(s.map(x -> shown(i, x)).orElse(i)), s.map(Encryption::headers).orElse(Map.of()));
        }
        if (request instanceof S3Request.GetObject g) {
            return get(account, p, g, (GetObjectResponse) v, epochMillis);
        }
        if (request instanceof S3Request.ListObjectsV2) {
            ListObjectsV2Response l = (ListObjectsV2Response) v;
            return new Revealed(S3Result.ok(new ListObjectsV2Response(l.contents().stream().map(e -> sealed.byStoredEtag(e.etag())
                    .map(s -> new ListEntry(e.key(), s.shownEtag(), s.plaintextSize(), e.lastModified(), e.storageClass())).orElse(e))
                    .toList(), l.commonPrefixes(), l.isTruncated(), l.nextContinuationToken(), l.keyCount(), l.maxKeys())), Map.of());
        }
        if (request instanceof S3Request.ListObjectVersions) {
            ListVersionsResponse l = (ListVersionsResponse) v;
            return new Revealed(S3Result.ok(new ListVersionsResponse(l.versions().stream().map(e -> e.etag()
                    .flatMap(sealed::byStoredEtag).map(s -> new VersionEntry(e.key(), e.versionId(), e.isLatest(), e.deleteMarker(),
                            Optional.of(s.shownEtag()), s.plaintextSize(), e.lastModified(), e.storageClass())).orElse(e)).toList(),
                    l.isTruncated(), l.nextKeyMarker(), l.nextVersionIdMarker(), l.maxKeys())), Map.of());
        }
        return new Revealed(result, Map.of());
    }

    private Revealed get(Optional<String> account, Prepared p, S3Request.GetObject request, GetObjectResponse g, long epochMillis) {
        Optional<SealedObject> s = opened(g.info().etag(), p.asked());
        if (s.isPresent() && !s.get().blobs().isEmpty()) {
            return streamed(account, p, request, g, s.get(), epochMillis);
        }
        byte[] bytes = ((Body.Bytes) g.body()).bytes();
        if (s.isEmpty() && p.deferredRange().isEmpty()) {
            return new Revealed(S3Result.ok(g), Map.of());
        }
        ObjectInfo info = g.info();
        if (s.isPresent()) {
            bytes = open(account, s.get(), Envelope.parse(bytes), p.asked(), epochMillis);
            info = shown(info, s.get());
        }
        Map<String, String> headers = s.map(Encryption::headers).orElse(Map.of());
        ByteRange.Resolved r = p.deferredRange().orElse(ByteRange.NONE).resolve(bytes.length, ByteRange.MultiRange.IGNORE);
        if (r instanceof ByteRange.Unsatisfiable) {
            return new Revealed(S3Result.err(S3Error.INVALID_RANGE, "The requested range is not satisfiable"), headers);
        }
        if (r instanceof ByteRange.Partial part) {
            byte[] slice = java.util.Arrays.copyOfRange(bytes, (int) part.first(), (int) part.last() + 1);
            return new Revealed(S3Result.ok(new GetObjectResponse(206, info, Body.of(slice), Optional.of(part.contentRange()))), headers);
        }
        return new Revealed(S3Result.ok(new GetObjectResponse(200, info, Body.of(bytes), Optional.empty())), headers);
    }

    /** The sealed write behind {@code storedEtag}; SSE-C answers only to its key (FIDELITY A16.10). */
    private Optional<SealedObject> opened(String storedEtag, Sse asked) {
        Optional<SealedObject> s = sealed.byStoredEtag(storedEtag);
        boolean customerAsked = asked instanceof Sse.CustomerKey;
        if (s.isEmpty() || s.get().mode() != Sse.Mode.SSE_C) {
            if (customerAsked) {
                throw new Refusal(400, "InvalidRequest", "The encryption parameters are not applicable to this object.");
            }
            return s;
        }
        if (!customerAsked) {
            throw new Refusal(400, "InvalidRequest", "The object was stored using a form of Server Side Encryption. The correct"
                    + " parameters must be provided to retrieve the object.");
        }
        if (!java.security.MessageDigest.isEqual(check(((Sse.CustomerKey) asked).key()).getBytes(),
                s.get().customerKeyCheck().orElse("").getBytes())) {
            throw Refusal.accessDenied("The provided customer key does not match the key the object was encrypted with");
        }
        return s;
    }

    /** A GET of an object whose sealed bytes are in blobs: streamed from them (FIDELITY A16.10). */
    private Revealed streamed(Optional<String> account, Prepared p, S3Request.GetObject request, GetObjectResponse g,
                              SealedObject s, long epochMillis) {
        List<SegmentedEnvelope.Header> parts = SegmentedRead.headers(blobs, s);
        byte[] dataKey = dataKey(account, s, parts.get(0).mode(), parts.get(0).key(), p.asked(), epochMillis);
        Optional<SegmentedRead> read = SegmentedRead.of(s, request.partNumber(), p.deferredRange());
        if (read.isEmpty()) {
            return new Revealed(S3Result.err(S3Error.INVALID_RANGE, "The requested range is not satisfiable"), headers(s));
        }
        SegmentedRead r = read.get();
        Body shown = Body.synthetic(r.length(), "plaintext of " + s.storedEtag());
        return new Revealed(S3Result.ok(new GetObjectResponse(r.status(), shown(g.info(), s), shown, r.contentRange())), headers(s),
                Optional.of(r.stream(blobs, s, parts, dataKey)));
    }

    /** The data key of a sealed object, unwrapped (SSE-KMS: an audited KMS Decrypt; SSE-C: the customer's). */
    private byte[] dataKey(Optional<String> account, SealedObject s, Sse.Mode mode, WrappedKey key, Sse asked, long epochMillis) {
        return switch (mode) {
            case SSE_S3 -> master.unwrap(key);
            case SSE_KMS -> kms.decrypt(account.orElseThrow(() -> Refusal.accessDenied("Anonymous users cannot use KMS keys")),
                    key, "arn:aws:s3:::" + s.bucketKey(), epochMillis);
            case SSE_C -> ((Sse.CustomerKey) asked).key();
        };
    }

    /** The plaintext of a small object's envelope. */
    private byte[] open(Optional<String> account, SealedObject s, Envelope e, Sse asked, long epochMillis) {
        byte[] dataKey = dataKey(account, s, e.mode(), e.key(), asked, epochMillis);
        try {
            return Aes.decrypt(dataKey, e.iv(), e.ciphertext());
        } catch (Aes.WrongKey x) {
            throw Refusal.accessDenied("The provided customer key does not match the key the object was encrypted with");
        }
    }

    private static ObjectInfo shown(ObjectInfo i, SealedObject s) {
        return new ObjectInfo(i.key(), i.versionId(), s.shownEtag(), s.plaintextSize(), i.lastModified(), i.partsCount(),
                i.storageClass(), i.restore());
    }

    private static Map<String, String> headers(SealedObject s) {
        return headers(s.mode(), s.kmsKeyArn(), s.customerKeyMd5());
    }

    private static Map<String, String> headers(Sse.Mode mode, Optional<String> kmsKeyArn, Optional<String> customerKeyMd5) {
        Map<String, String> h = new LinkedHashMap<>();
        switch (mode) {
            case SSE_S3 -> h.put(Sse.HEADER, "AES256");
            case SSE_KMS -> {
                h.put(Sse.HEADER, "aws:kms");
                h.put(Sse.KMS_KEY, kmsKeyArn.orElse(""));
            }
            case SSE_C -> {
                h.put(Sse.C_ALGORITHM, "AES256");
                h.put("x-amz-server-side-encryption-customer-key-MD5", customerKeyMd5.orElse(""));
            }
        }
        return h;
    }

    /** The answers of the multipart calls, as the client sees them; empty for any other request. */
    private Optional<Revealed> revealMultipart(Prepared p, S3Request request, Object v) {
        if (request instanceof S3Request.CreateMultipartUpload && p.started().isPresent()) {
            SealingKey k = p.started().get();
            uploads.started((String) v, k);
            return Optional.of(new Revealed(S3Result.ok(v), headers(k.mode(), k.kmsKeyArn(), k.customerKeyMd5())));
        }
        if (request instanceof S3Request.UploadPart u && uploads.key(u.uploadId()).isPresent()) {
            SealingKey k = uploads.key(u.uploadId()).get();
            String shown = uploads.stored(u.uploadId(), u.partNumber(), (String) v).map(x -> x.shownEtag(k.mode())).orElse((String) v);
            return Optional.of(new Revealed(S3Result.ok(shown), headers(k.mode(), k.kmsKeyArn(), k.customerKeyMd5())));
        }
        if (request instanceof S3Request.ListParts l && uploads.key(l.uploadId()).isPresent()) {
            SealingKey k = uploads.key(l.uploadId()).get();
            ListPartsResponse r = (ListPartsResponse) v;
            List<PartInfo> shown = r.parts().stream().map(i -> uploads.stored(l.uploadId(), i.partNumber(), i.etag())
                    .map(x -> new PartInfo(i.partNumber(), x.shownEtag(k.mode()), x.plaintextSize(), i.lastModified())).orElse(i)).toList();
            return Optional.of(new Revealed(S3Result.ok(new ListPartsResponse(r.uploadId(), r.key(), shown, r.isTruncated(),
                    r.nextPartNumberMarker())), Map.of()));
        }
        if (request instanceof S3Request.AbortMultipartUpload a) {
            uploads.finished(a.uploadId());
            return Optional.empty();
        }
        if (request instanceof S3Request.CompleteMultipartUpload c && uploads.key(c.uploadId()).isPresent()) {
            SealingKey k = uploads.key(c.uploadId()).get();
            List<SealedPart> parts = new ArrayList<>();
            for (CompletedPart cp : c.parts()) {
                uploads.stored(c.uploadId(), cp.partNumber(), cp.etag()).ifPresent(parts::add);
            }
            PutObjectResponse r = (PutObjectResponse) v;
            SealedObject s = new SealedObject(k.bucketKey(), k.mode(), parts.stream().mapToLong(SealedPart::plaintextSize).sum(),
                    SealedPart.multipartEtag(parts), SealedObjects.unquote(r.etag()), k.kmsKeyArn(), k.customerKeyMd5(),
                    k.customerKeyCheck(), parts.stream().map(SealedPart::plaintextSize).toList(),
                    parts.stream().map(SealedPart::blob).toList());
            sealed.add(s);
            uploads.finished(c.uploadId());
            return Optional.of(new Revealed(S3Result.ok(new PutObjectResponse(s.shownEtag(), r.versionId())), headers(s)));
        }
        return Optional.empty();
    }

    /** A salted HMAC of a customer key: enough to recognize it, useless to recover it. */
    private String check(byte[] customerKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return ETags.hex(mac.doFinal(customerKey));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}

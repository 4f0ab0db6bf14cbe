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
import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private final byte[] salt = Aes.randomBytes(32);

    /** A request on its way to the model, with what the stage must remember until the answer. */
    public record Prepared(WireRequest wire, Sse asked, Optional<ByteRange> deferredRange) {
    }

    /** The model's answer as the client sees it, and the encryption headers to add. */
    public record Revealed(S3Result<?> result, Map<String, String> headers) {
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

    /** The buckets' default encryption (FIDELITY A16.16), for {@code ?encryption}. */
    public BucketEncryption defaults() {
        return defaults;
    }

    public Prepared prepare(Optional<String> account, IncomingRequest in, WireRequest w, long epochMillis) {
        Sse asked = Sse.of(in);
        String bucketKey = w.bucket() + "/" + w.key();
        if (w.key().isEmpty()) {
            return new Prepared(w, asked, Optional.empty());
        }
        boolean plainPut = w.method().equals("PUT") && w.query().isEmpty() && w.header("x-amz-copy-source").isEmpty();
        if (!(asked instanceof Sse.None) && !plainPut && !w.method().equals("GET") && !w.method().equals("HEAD")) {
            throw Refusal.notImplemented("server-side encryption on a multipart upload or a copy (single PUTs are encrypted)");
        }
        WireRequest out = translateConditions(w, bucketKey);
        if (plainPut) {
            // Since January 2023 no new object is stored unencrypted (FIDELITY A16.16).
            out = seal(account, out, asked instanceof Sse.None ? defaults.defaultFor(w.bucket()) : asked, bucketKey, epochMillis);
        }
        Optional<ByteRange> range = Optional.empty();
        if ((w.method().equals("GET")) && w.header("range").isPresent() && sealed.everEncrypted(bucketKey)) {
            range = Optional.of(ByteRange.parse(w.header("range").get()));
            out = without(out, "range");
        }
        return new Prepared(out, asked, range);
    }

    private WireRequest seal(Optional<String> account, WireRequest w, Sse asked, String bucketKey, long epochMillis) {
        byte[] plaintext = w.body();
        String context = "arn:aws:s3:::" + bucketKey;
        DataKey key;
        Optional<String> kmsArn = Optional.empty();
        Optional<String> customerMd5 = Optional.empty();
        Optional<String> customerCheck = Optional.empty();
        Sse.Mode mode;
        if (asked instanceof Sse.S3Managed) {
            mode = Sse.Mode.SSE_S3;
            key = master.newDataKey();
        } else if (asked instanceof Sse.KmsManaged k) {
            mode = Sse.Mode.SSE_KMS;
            String who = account.orElseThrow(() -> Refusal.accessDenied("Anonymous users cannot use KMS keys"));
            kmsArn = Optional.of(kms.resolve(who, k.keyId()));
            key = kms.generateDataKey(who, kmsArn.get(), context, epochMillis);
        } else {
            Sse.CustomerKey c = (Sse.CustomerKey) asked;
            mode = Sse.Mode.SSE_C;
            key = new DataKey(c.key(), new WrappedKey("sse-c", 0, new byte[0], new byte[0]));
            customerMd5 = Optional.of(c.keyMd5());
            customerCheck = Optional.of(check(c.key()));
        }
        byte[] iv = Aes.randomBytes(Aes.IV_BYTES);
        byte[] envelope = new Envelope(mode, key.sealed(), iv, Aes.encrypt(key.plaintext(), iv, plaintext)).toBytes();
        sealed.add(new SealedObject(bucketKey, mode, plaintext.length, ETags.hex(ETags.md5(plaintext)), ETags.hex(ETags.md5(envelope)),
                kmsArn, customerMd5, customerCheck));
        return new WireRequest(w.method(), w.bucket(), w.key(), w.query(), w.headers(), envelope);
    }

    /** If-Match / If-None-Match name the ETag the client saw; the model knows the envelope's. */
    private WireRequest translateConditions(WireRequest w, String bucketKey) {
        Map<String, String> h = new TreeMap<>(w.headers());
        for (String name : new String[] {"if-match", "if-none-match"}) {
            w.header(name).flatMap(v -> sealed.storedFor(bucketKey, v)).ifPresent(stored -> h.put(name, "\"" + stored + "\""));
        }
        return new WireRequest(w.method(), w.bucket(), w.key(), w.query(), h, w.body());
    }

    private static WireRequest without(WireRequest w, String header) {
        Map<String, String> h = new TreeMap<>(w.headers());
        h.remove(header);
        return new WireRequest(w.method(), w.bucket(), w.key(), w.query(), h, w.body());
    }

    /** The model's answer to {@code request} as the client sees it. */
    public Revealed reveal(Optional<String> account, Prepared p, S3Request request, S3Result<?> result, long epochMillis) {
        if (!result.isOk()) {
            return new Revealed(result, Map.of());
        }
        Object v = result.orThrow();
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
        if (request instanceof S3Request.GetObject) {
            return get(account, p, (GetObjectResponse) v, epochMillis);
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

    private Revealed get(Optional<String> account, Prepared p, GetObjectResponse g, long epochMillis) {
        Optional<SealedObject> s = opened(g.info().etag(), p.asked());
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

    private byte[] open(Optional<String> account, SealedObject s, Envelope e, Sse asked, long epochMillis) {
        byte[] dataKey = switch (e.mode()) {
            case SSE_S3 -> master.unwrap(e.key());
            case SSE_KMS -> kms.decrypt(account.orElseThrow(() -> Refusal.accessDenied("Anonymous users cannot use KMS keys")),
                    e.key(), "arn:aws:s3:::" + s.bucketKey(), epochMillis);
            case SSE_C -> ((Sse.CustomerKey) asked).key();
        };
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
        Map<String, String> h = new LinkedHashMap<>();
        switch (s.mode()) {
            case SSE_S3 -> h.put(Sse.HEADER, "AES256");
            case SSE_KMS -> {
                h.put(Sse.HEADER, "aws:kms");
                h.put(Sse.KMS_KEY, s.kmsKeyArn().orElse(""));
            }
            case SSE_C -> {
                h.put(Sse.C_ALGORITHM, "AES256");
                h.put("x-amz-server-side-encryption-customer-key-MD5", s.customerKeyMd5().orElse(""));
            }
        }
        return h;
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

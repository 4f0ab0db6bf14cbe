package io.faultline.serve.s3.auth;

import io.faultline.serve.s3.blob.Blob;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.http.IncomingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.faultline.serve.s3.http.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Verifies AWS Signature Version 4 (FIDELITY A16.1) in its two forms, the {@code Authorization}
 * header and a presigned URL's query, against the configured {@link Credentials}; a request with
 * neither is anonymous. The clock is the caller's (milliseconds since the epoch, the wall clock in
 * {@code faultline serve}): a header-signed request more than 15 minutes off is
 * RequestTimeTooSkewed, a presigned URL past {@code X-Amz-Expires} is AccessDenied.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Authenticator {
    /** S3's allowed skew between a signed request's date and the server's clock (A16.1). */
    public static final long MAX_SKEW_MILLIS = 15 * 60 * 1000;
    /** The longest a presigned URL may be valid: 7 days (A16.1). */
    public static final long MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

    private final Credentials credentials;
    private final BlobStore blobs;

    /** {@code blobs} holds the large bodies, and receives an aws-chunked one's decoded payload. */
    public Authenticator(Credentials credentials, BlobStore blobs) {
        this.credentials = credentials;
        this.blobs = blobs;
    }

    public Authenticated authenticate(IncomingRequest r, long nowMillis) {
        Optional<String> auth = r.header("authorization");
        if (auth.isPresent()) {
            return byHeader(r, auth.get(), nowMillis);
        }
        if (r.hasParam("X-Amz-Algorithm") || r.hasParam("X-Amz-Signature") || r.hasParam("X-Amz-Credential")) {
            return presigned(r, nowMillis);
        }
        return plainPayload(Principal.ANONYMOUS, r);
    }

    private Authenticated byHeader(IncomingRequest r, String header, long nowMillis) {
        if (!header.startsWith(SigV4.ALGORITHM + " ")) {
            throw new Refusal(400, "InvalidArgument", "Unsupported Authorization Type: only " + SigV4.ALGORITHM + " is accepted");
        }
        Map<String, String> fields = new TreeMap<>();
        for (String part : header.substring(SigV4.ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = required(fields, "Credential");
        String signedHeaders = required(fields, "SignedHeaders");
        String signature = required(fields, "Signature");
        String amzDate = r.header("x-amz-date").orElseThrow(() -> new Refusal(403, "AccessDenied",
                "AWS authentication requires a valid Date or x-amz-date header"));
        long dated = date(amzDate);
        if (Math.abs(nowMillis - dated) > MAX_SKEW_MILLIS) {
            throw new Refusal(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.");
        }
        Cred c = credential(credential, amzDate);
        String payloadHash = r.header("x-amz-content-sha256").orElseThrow(() -> new Refusal(400, "InvalidRequest",
                "Missing required header for this request: x-amz-content-sha256"));
        String canonical = canonicalRequest(r, signedHeaders, AwsUri.canonicalQuery(r.query(), ""), payloadHash);
        byte[] key = SigV4.signingKey(c.key().secret(), c.scope());
        String expected = SigV4.sign(key, SigV4.stringToSign(amzDate, c.scope(), canonical));
        if (!SigV4.same(expected, signature)) {
            throw signatureMismatch();
        }
        Principal who = new Principal.Account(c.key().account(), c.key().id());
        if (payloadHash.startsWith("STREAMING-")) {
            boolean signedChunks = payloadHash.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            ChunkedPayload.Signing signing = new ChunkedPayload.Signing(
                    signedChunks ? Optional.of(key) : Optional.empty(), amzDate, c.scope(), expected);
            Authenticated decoded = r.spooled().isPresent() ? decodeSpooled(who, r.spooled().get(), signing)
                    : new Authenticated(who, ChunkedPayload.decode(r.body(), signing));
            long length = decoded.spooled().map(b -> b.id().size()).orElse((long) decoded.payload().length);
            Optional<String> declared = r.header("x-amz-decoded-content-length");
            if (declared.isPresent() && !declared.get().trim().equals(String.valueOf(length))) {
                decoded.spooled().ifPresent(b -> blobs.discard(b.id().label()));
                throw new Refusal(400, "IncompleteBody", "x-amz-decoded-content-length says " + declared.get().trim()
                        + " bytes, the chunks hold " + length);
            }
            return decoded;
        }
        if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(sha256Hex(r))) {
            throw new Refusal(400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return new Authenticated(who, r.body(), r.spooled());
    }

    /** An aws-chunked body in the blob store, decoded into a blob of its own as it streams. */
    private Authenticated decodeSpooled(Principal who, Blob raw, ChunkedPayload.Signing signing) {
        try (InputStream in = blobs.open(raw.id().label(), 0)) {
            return new Authenticated(who, new byte[0], Optional.of(blobs.spool(out -> ChunkedPayload.decode(in, out, signing))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a spooled body", e);
        }
    }

    /** The hex SHA-256 of the body as sent, computed as it streamed in when it was spooled. */
    private static String sha256Hex(IncomingRequest r) {
        return r.spooled().map(Blob::sha256Hex).orElseGet(() -> SigV4.sha256Hex(r.body()));
    }

    private Authenticated presigned(IncomingRequest r, long nowMillis) {
        String algorithm = r.param("X-Amz-Algorithm").orElse("");
        if (!algorithm.equals(SigV4.ALGORITHM)) {
            throw new Refusal(400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        String amzDate = queryParam(r, "X-Amz-Date");
        String signature = queryParam(r, "X-Amz-Signature");
        String signedHeaders = queryParam(r, "X-Amz-SignedHeaders");
        long expires;
        try {
            expires = Long.parseLong(queryParam(r, "X-Amz-Expires"));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "AuthorizationQueryParametersError", "X-Amz-Expires should be a number");
        }
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
            throw new Refusal(400, "AuthorizationQueryParametersError",
                    "X-Amz-Expires must be between 1 and " + MAX_EXPIRES_SECONDS + " seconds");
        }
        long dated = date(amzDate);
        if (nowMillis > dated + expires * 1000) {
            throw new Refusal(403, "AccessDenied", "Request has expired");
        }
        if (dated - nowMillis > MAX_SKEW_MILLIS) {
            throw new Refusal(403, "AccessDenied", "Request is not valid yet");
        }
        Cred c = credential(queryParam(r, "X-Amz-Credential"), amzDate);
        String canonical = canonicalRequest(r, signedHeaders, AwsUri.canonicalQuery(r.query(), "X-Amz-Signature"),
                "UNSIGNED-PAYLOAD");
        String expected = SigV4.sign(SigV4.signingKey(c.key().secret(), c.scope()),
                SigV4.stringToSign(amzDate, c.scope(), canonical));
        if (!SigV4.same(expected, signature)) {
            throw signatureMismatch();
        }
        return plainPayload(new Principal.Account(c.key().account(), c.key().id()), r);
    }

    private static Authenticated plainPayload(Principal who, IncomingRequest r) {
        Optional<String> hash = r.header("x-amz-content-sha256");
        if (hash.isPresent() && hash.get().length() == 64 && !hash.get().equals(sha256Hex(r))) {
            throw new Refusal(400, "XAmzContentSHA256Mismatch",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return new Authenticated(who, r.body(), r.spooled());
    }

    private record Cred(AccessKey key, SigV4.Scope scope) {
    }

    /** {@code AKID/20261207/us-east-1/s3/aws4_request}: the key must exist, the date must be the request's. */
    private Cred credential(String credential, String amzDate) {
        String[] p = credential.split("/");
        if (p.length != 5 || !p[4].equals("aws4_request")) {
            throw new Refusal(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        AccessKey key = credentials.find(p[0]).orElseThrow(() -> new Refusal(403, "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records."));
        if (!amzDate.startsWith(p[1])) {
            throw new Refusal(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.");
        }
        if (!p[3].equals("s3")) {
            throw new Refusal(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; incorrect service \"" + p[3] + "\". This endpoint belongs to \"s3\".");
        }
        return new Cred(key, new SigV4.Scope(p[1], p[2], p[3]));
    }

    /** The canonical request (A16.1): method, URI, query, the signed headers, their names, the payload hash. */
    static String canonicalRequest(IncomingRequest r, String signedHeaders, String canonicalQuery, String payloadHash) {
        List<String> names = Arrays.stream(signedHeaders.split(";")).map(s -> s.trim().toLowerCase(Locale.ROOT)).sorted().toList();
        if (!names.contains("host")) {
            throw new Refusal(400, "AuthorizationHeaderMalformed", "The host header must be signed");
        }
        StringBuilder headers = new StringBuilder();
        for (String n : names) {
            headers.append(n).append(':').append(r.header(n).orElse("").trim().replaceAll(" +", " ")).append('\n');
        }
        return r.method() + "\n" + AwsUri.encode(AwsUri.decode(r.rawPath()), true) + "\n" + canonicalQuery + "\n"
                + headers + "\n" + String.join(";", names) + "\n" + payloadHash;
    }

    private static long date(String amzDate) {
        OptionalLong d = SigV4.parseAmzDate(amzDate);
        if (d.isEmpty()) {
            throw new Refusal(403, "AccessDenied", "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        return d.getAsLong();
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw new Refusal(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; it has no " + name);
        }
        return v;
    }

    private static String queryParam(IncomingRequest r, String name) {
        return r.param(name).orElseThrow(() -> new Refusal(400, "AuthorizationQueryParametersError",
                "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature,"
                        + " X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters; " + name + " is missing."));
    }

    private static Refusal signatureMismatch() {
        return new Refusal(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
}

package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static io.faultline.serve.s3.Accounts.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.ETags;
import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.crypto.KmsEvent;
import io.faultline.serve.s3.tls.Tls;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSE-S3, SSE-KMS and SSE-C over HTTP (FIDELITY A16.10): what the client gets back, what the
 * model stores (only ciphertext), and what never reaches the session (plaintext and keys).
 */
class EncryptionTest {
    static final String SECRET_TEXT = "the launch codes are 0000";

    @TempDir
    static Path dir;
    static S3Server server;
    static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE, BOB)).withSession(dir.resolve("session.jsonl"))
                .withTls(new Tls.SelfSigned()));
        s3 = new Signer(server);
        ok(200, s3.signed(Req.of("PUT", "/vault"), ALICE, now()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static HttpResponse<String> ok(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    static void error(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>" + code + "</Code>"), r.body());
        assertFalse(r.body().contains(SECRET_TEXT), "an error leaks no plaintext");
    }

    static String md5(String s) {
        return "\"" + ETags.hex(ETags.md5(s.getBytes(StandardCharsets.UTF_8))) + "\"";
    }

    static Req customerKey(Req r, byte[] key) {
        return r.header("x-amz-server-side-encryption-customer-algorithm", "AES256")
                .header("x-amz-server-side-encryption-customer-key", Base64.getEncoder().encodeToString(key))
                .header("x-amz-server-side-encryption-customer-key-MD5", Base64.getEncoder().encodeToString(ETags.md5(key)));
    }

    static String session() throws Exception {
        return Files.readString(dir.resolve("session.jsonl"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void sseS3StoresCiphertextAndShowsThePlaintextsMd5AsTheEtag() throws Exception {
        HttpResponse<String> put = ok(200, s3.signed(Req.of("PUT", "/vault/s3.txt").body(SECRET_TEXT)
                .header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        assertEquals("AES256", put.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        assertEquals(md5(SECRET_TEXT), put.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> get = ok(200, s3.signed(Req.of("GET", "/vault/s3.txt"), ALICE, now()));
        assertEquals(SECRET_TEXT, get.body());
        assertEquals(md5(SECRET_TEXT), get.headers().firstValue("ETag").orElse(""));
        assertEquals("AES256", get.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        HttpResponse<String> head = ok(200, s3.signed(Req.of("HEAD", "/vault/s3.txt"), ALICE, now()));
        assertEquals(String.valueOf(SECRET_TEXT.length()), head.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<String> list = ok(200, s3.signed(Req.of("GET", "/vault").param("list-type", "2").param("prefix", "s3.txt"), ALICE, now()));
        assertTrue(list.body().contains("<Size>" + SECRET_TEXT.length() + "</Size>"), list.body());
        assertTrue(list.body().contains("<ETag>" + md5(SECRET_TEXT).replace("\"", "&quot;") + "</ETag>"), list.body());
        assertFalse(session().contains(SECRET_TEXT), "the model stored, and the session recorded, only ciphertext");
        assertTrue(session().contains("s3.txt"));
    }

    @Test
    void rangesAndConditionsMeanThePlaintext() throws Exception {
        ok(200, s3.signed(Req.of("PUT", "/vault/ranged.txt").body("0123456789").header("x-amz-server-side-encryption", "AES256"),
                ALICE, now()));
        HttpResponse<String> part = ok(206, s3.signed(Req.of("GET", "/vault/ranged.txt").header("Range", "bytes=2-5"), ALICE, now()));
        assertEquals("2345", part.body());
        assertEquals("bytes 2-5/10", part.headers().firstValue("Content-Range").orElse(""));
        error(416, "InvalidRange", s3.signed(Req.of("GET", "/vault/ranged.txt").header("Range", "bytes=20-"), ALICE, now()));
        ok(200, s3.signed(Req.of("GET", "/vault/ranged.txt").header("If-Match", md5("0123456789")), ALICE, now()));
        error(412, "PreconditionFailed", s3.signed(Req.of("GET", "/vault/ranged.txt").header("If-Match", md5("other")), ALICE, now()));
    }

    @Test
    void masterKeyRotationKeepsOlderObjectsReadable() throws Exception {
        ok(200, s3.signed(Req.of("PUT", "/vault/before").body("sealed before").header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        int version = server.rotateMasterKey();
        assertTrue(version >= 2);
        ok(200, s3.signed(Req.of("PUT", "/vault/after").body("sealed after").header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        assertEquals("sealed before", ok(200, s3.signed(Req.of("GET", "/vault/before"), ALICE, now())).body());
        assertEquals("sealed after", ok(200, s3.signed(Req.of("GET", "/vault/after"), ALICE, now())).body());
    }

    @Test
    void sseKmsUsesTheNamedKeyAuditsEveryUseAndSurvivesRotation() throws Exception {
        String arn = server.kms().createKey("alice", "orders-key");
        long before = now();
        HttpResponse<String> put = ok(200, s3.signed(Req.of("PUT", "/vault/kms.txt").body(SECRET_TEXT)
                .header("x-amz-server-side-encryption", "aws:kms").header("x-amz-server-side-encryption-aws-kms-key-id", "orders-key"),
                ALICE, now()));
        assertEquals("aws:kms", put.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        assertEquals(arn, put.headers().firstValue("x-amz-server-side-encryption-aws-kms-key-id").orElse(""));
        assertNotEquals(md5(SECRET_TEXT), put.headers().firstValue("ETag").orElse(""), "an SSE-KMS ETag is not the MD5 of the data");
        server.kms().rotate(arn);
        assertEquals(SECRET_TEXT, ok(200, s3.signed(Req.of("GET", "/vault/kms.txt"), ALICE, now())).body());
        List<KmsEvent> uses = server.kms().audit().stream().filter(e -> e.keyArn().equals(arn)).toList();
        assertEquals(List.of("GenerateDataKey", "Decrypt"), uses.stream().map(KmsEvent::operation).toList());
        assertTrue(uses.stream().allMatch(e -> e.account().equals("alice") && e.epochMillis() >= before
                && e.context().equals("arn:aws:s3:::vault/kms.txt") && e.keyVersion() == 1), uses.toString());
        assertFalse(uses.toString().contains(SECRET_TEXT));
        error(400, "KMS.NotFoundException", s3.signed(Req.of("PUT", "/vault/kms2.txt").body("x")
                .header("x-amz-server-side-encryption", "aws:kms").header("x-amz-server-side-encryption-aws-kms-key-id", "no-such-key"),
                ALICE, now()));
        ok(200, s3.signed(Req.of("PUT", "/vault/managed.txt").body("x").header("x-amz-server-side-encryption", "aws:kms"), ALICE, now()));
        assertTrue(server.kms().audit().stream().anyMatch(e -> e.keyArn().endsWith(":alias/aws/s3")));
    }

    @Test
    void anotherAccountAllowedByPolicyStillCannotUseTheOwnersKmsKey() throws Exception {
        ok(200, s3.signed(Req.of("PUT", "/shared-kms"), ALICE, now()));
        ok(200, s3.signed(Req.of("PUT", "/shared-kms/k").body(SECRET_TEXT).header("x-amz-server-side-encryption", "aws:kms"), ALICE, now()));
        ok(200, s3.signed(Req.of("PUT", "/shared-kms/s").body("plain s3").header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::shared-kms/*\"}]}";
        ok(204, s3.signed(Req.of("PUT", "/shared-kms").param("policy", "").body(policy), ALICE, now()));
        assertEquals("plain s3", ok(200, s3.signed(Req.of("GET", "/shared-kms/s"), BOB, now())).body());
        error(403, "AccessDenied", s3.signed(Req.of("GET", "/shared-kms/k"), BOB, now()));
    }

    @Test
    void sseCNeedsTheCustomersKeyOnEveryGetAndHead() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] wrong = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> put = ok(200, s3.signed(customerKey(Req.of("PUT", "/vault/c.txt").body(SECRET_TEXT), key), ALICE, now()));
        assertNotEquals(md5(SECRET_TEXT), put.headers().firstValue("ETag").orElse(""));
        assertEquals("AES256", put.headers().firstValue("x-amz-server-side-encryption-customer-algorithm").orElse(""));
        error(400, "InvalidRequest", s3.signed(Req.of("GET", "/vault/c.txt"), ALICE, now()));
        error(403, "AccessDenied", s3.signed(customerKey(Req.of("GET", "/vault/c.txt"), wrong), ALICE, now()));
        assertEquals(403, s3.signed(customerKey(Req.of("HEAD", "/vault/c.txt"), wrong), ALICE, now()).statusCode());
        assertEquals(400, s3.signed(Req.of("HEAD", "/vault/c.txt"), ALICE, now()).statusCode());
        assertEquals(SECRET_TEXT, ok(200, s3.signed(customerKey(Req.of("GET", "/vault/c.txt"), key), ALICE, now())).body());
        HttpResponse<String> head = ok(200, s3.signed(customerKey(Req.of("HEAD", "/vault/c.txt"), key), ALICE, now()));
        assertEquals(String.valueOf(SECRET_TEXT.length()), head.headers().firstValue("Content-Length").orElse(""));
        error(400, "InvalidArgument", s3.signed(customerKey(Req.of("GET", "/vault/c.txt"), key)
                .header("x-amz-server-side-encryption-customer-key-MD5", "AAAAAAAAAAAAAAAAAAAAAA=="), ALICE, now()));
        error(400, "InvalidArgument", s3.signed(Req.of("PUT", "/vault/short").body("x")
                .header("x-amz-server-side-encryption-customer-algorithm", "AES256")
                .header("x-amz-server-side-encryption-customer-key", Base64.getEncoder().encodeToString(new byte[16])), ALICE, now()));
        ok(200, s3.signed(Req.of("PUT", "/vault/not-c.txt").body("x").header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        error(400, "InvalidRequest", s3.signed(customerKey(Req.of("GET", "/vault/not-c.txt"), key), ALICE, now()));
        String recorded = session();
        assertFalse(recorded.contains(SECRET_TEXT));
        assertFalse(recorded.contains(Base64.getEncoder().encodeToString(key)), "the customer key is never recorded");
    }

    @Test
    void unknownEncryptionIsInvalidArgument() throws Exception {
        error(400, "InvalidArgument", s3.signed(Req.of("PUT", "/vault/x").body("x").header("x-amz-server-side-encryption", "ROT13"),
                ALICE, now()));
        error(400, "InvalidArgument", s3.signed(Req.of("PUT", "/vault/x").body("x").header("x-amz-server-side-encryption", "AES256")
                .header("x-amz-server-side-encryption-aws-kms-key-id", "k"), ALICE, now()));
        error(404, "NoSuchKey", s3.signed(Req.of("GET", "/vault/x"), ALICE, now()));
    }

    @Test
    void aWriteThatAsksForNoEncryptionGetsSseS3OrItsBucketsDefault() throws Exception {
        ok(200, s3.signed(Req.of("PUT", "/defaults"), ALICE, now()));
        HttpResponse<String> plain = ok(200, s3.signed(Req.of("PUT", "/defaults/plain.txt").body(SECRET_TEXT), ALICE, now()));
        assertEquals("AES256", plain.headers().firstValue("x-amz-server-side-encryption").orElse(""), "SSE-S3 since January 2023");
        assertEquals(md5(SECRET_TEXT), plain.headers().firstValue("ETag").orElse(""));
        assertFalse(session().contains(SECRET_TEXT), "a write that asked for nothing is stored encrypted too");
        HttpResponse<String> shown = ok(200, s3.signed(Req.of("GET", "/defaults").param("encryption", ""), ALICE, now()));
        assertTrue(shown.body().contains("<SSEAlgorithm>AES256</SSEAlgorithm>"), shown.body());

        String arn = server.kms().createKey("alice", "bucket-default");
        String config = "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms"
                + "</SSEAlgorithm><KMSMasterKeyID>bucket-default</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
                + "<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>";
        error(403, "AccessDenied", s3.signed(Req.of("PUT", "/defaults").param("encryption", "").body(config), BOB, now()));
        ok(200, s3.signed(Req.of("PUT", "/defaults").param("encryption", "").body(config), ALICE, now()));
        shown = ok(200, s3.signed(Req.of("GET", "/defaults").param("encryption", ""), ALICE, now()));
        assertTrue(shown.body().contains("<KMSMasterKeyID>bucket-default</KMSMasterKeyID>"), shown.body());
        HttpResponse<String> kms = ok(200, s3.signed(Req.of("PUT", "/defaults/kms.txt").body(SECRET_TEXT), ALICE, now()));
        assertEquals("aws:kms", kms.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        assertEquals(arn, kms.headers().firstValue("x-amz-server-side-encryption-aws-kms-key-id").orElse(""));
        HttpResponse<String> asked = ok(200, s3.signed(Req.of("PUT", "/defaults/asked.txt").body("x")
                .header("x-amz-server-side-encryption", "AES256"), ALICE, now()));
        assertEquals("AES256", asked.headers().firstValue("x-amz-server-side-encryption").orElse(""), "what a write asks for wins");
        assertEquals(SECRET_TEXT, ok(200, s3.signed(Req.of("GET", "/defaults/kms.txt"), ALICE, now())).body());

        ok(204, s3.signed(Req.of("DELETE", "/defaults").param("encryption", ""), ALICE, now()));
        HttpResponse<String> back = ok(200, s3.signed(Req.of("PUT", "/defaults/back.txt").body("x"), ALICE, now()));
        assertEquals("AES256", back.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        error(400, "MalformedXML", s3.signed(Req.of("PUT", "/defaults").param("encryption", "").body("<Nope/>"), ALICE, now()));
        error(400, "InvalidArgument", s3.signed(Req.of("PUT", "/defaults").param("encryption", "").body(config
                .replace("aws:kms</SSEAlgorithm>", "ROT13</SSEAlgorithm>")), ALICE, now()));
    }

    static String uploadId(HttpResponse<String> created) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<UploadId>([^<]+)</UploadId>").matcher(created.body());
        assertTrue(m.find(), created.body());
        return m.group(1);
    }

    static String complete(String... etags) {
        StringBuilder b = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.length; i++) {
            b.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags[i]).append("</ETag></Part>");
        }
        return b.append("</CompleteMultipartUpload>").toString();
    }

    static final String PART_1 = "a".repeat(5 * 1024 * 1024);
    static final String PART_2 = "the last part, " + SECRET_TEXT;

    @Test
    void multipartUploadsAreEncryptedPartByPartAndShowS3sMultipartEtag() throws Exception {
        HttpResponse<String> created = ok(200, s3.signed(Req.of("POST", "/vault/mp-s3").param("uploads", ""), ALICE, now()));
        assertEquals("AES256", created.headers().firstValue("x-amz-server-side-encryption").orElse(""), "the default, SSE-S3");
        String id = uploadId(created);
        HttpResponse<String> p1 = ok(200, s3.signed(Req.of("PUT", "/vault/mp-s3").param("partNumber", "1").param("uploadId", id)
                .body(PART_1), ALICE, now()));
        HttpResponse<String> p2 = ok(200, s3.signed(Req.of("PUT", "/vault/mp-s3").param("partNumber", "2").param("uploadId", id)
                .body(PART_2), ALICE, now()));
        assertEquals(md5(PART_1), p1.headers().firstValue("ETag").orElse(""), "an SSE-S3 part's ETag is its plaintext's MD5");
        HttpResponse<String> listed = ok(200, s3.signed(Req.of("GET", "/vault/mp-s3").param("uploadId", id), ALICE, now()));
        assertTrue(listed.body().contains("<Size>" + PART_2.length() + "</Size>"), listed.body());
        HttpResponse<String> done = ok(200, s3.signed(Req.of("POST", "/vault/mp-s3").param("uploadId", id)
                .body(complete(p1.headers().firstValue("ETag").get(), p2.headers().firstValue("ETag").get())), ALICE, now()));
        java.io.ByteArrayOutputStream digests = new java.io.ByteArrayOutputStream();
        digests.writeBytes(ETags.md5(PART_1.getBytes(StandardCharsets.UTF_8)));
        digests.writeBytes(ETags.md5(PART_2.getBytes(StandardCharsets.UTF_8)));
        String multipartEtag = ETags.hex(ETags.md5(digests.toByteArray())) + "-2";
        assertTrue(done.body().contains(multipartEtag), "S3's multipart ETag over the plaintext parts: " + done.body());
        HttpResponse<String> get = ok(200, s3.signed(Req.of("GET", "/vault/mp-s3"), ALICE, now()));
        assertEquals(PART_1 + PART_2, get.body());
        assertEquals("\"" + multipartEtag + "\"", get.headers().firstValue("ETag").orElse(""));
        HttpResponse<String> second = ok(206, s3.signed(Req.of("GET", "/vault/mp-s3").param("partNumber", "2"), ALICE, now()));
        assertEquals(PART_2, second.body());
        assertEquals("bytes " + PART_1.length() + "-" + (PART_1.length() + PART_2.length() - 1) + "/" + (PART_1.length() + PART_2.length()),
                second.headers().firstValue("Content-Range").orElse(""));
        assertFalse(session().contains(SECRET_TEXT), "the parts were stored sealed");
    }

    @Test
    void anSseCMultipartUploadNeedsTheCustomersKeyOnEveryPartAndEveryRead() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] wrong = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> created = ok(200, s3.signed(customerKey(Req.of("POST", "/vault/mp-c").param("uploads", ""), key), ALICE, now()));
        assertEquals("AES256", created.headers().firstValue("x-amz-server-side-encryption-customer-algorithm").orElse(""));
        String id = uploadId(created);
        error(400, "InvalidRequest", s3.signed(Req.of("PUT", "/vault/mp-c").param("partNumber", "1").param("uploadId", id)
                .body(PART_1), ALICE, now()));
        error(403, "AccessDenied", s3.signed(customerKey(Req.of("PUT", "/vault/mp-c").param("partNumber", "1").param("uploadId", id)
                .body(PART_1), wrong), ALICE, now()));
        HttpResponse<String> p1 = ok(200, s3.signed(customerKey(Req.of("PUT", "/vault/mp-c").param("partNumber", "1").param("uploadId", id)
                .body(PART_1), key), ALICE, now()));
        HttpResponse<String> p2 = ok(200, s3.signed(customerKey(Req.of("PUT", "/vault/mp-c").param("partNumber", "2").param("uploadId", id)
                .body(PART_2), key), ALICE, now()));
        assertNotEquals(md5(PART_1), p1.headers().firstValue("ETag").orElse(""), "an SSE-C part's ETag is not its MD5");
        ok(200, s3.signed(Req.of("POST", "/vault/mp-c").param("uploadId", id)
                .body(complete(p1.headers().firstValue("ETag").get(), p2.headers().firstValue("ETag").get())), ALICE, now()));
        error(400, "InvalidRequest", s3.signed(Req.of("GET", "/vault/mp-c"), ALICE, now()));
        error(403, "AccessDenied", s3.signed(customerKey(Req.of("GET", "/vault/mp-c"), wrong), ALICE, now()));
        assertEquals(PART_1 + PART_2, ok(200, s3.signed(customerKey(Req.of("GET", "/vault/mp-c"), key), ALICE, now())).body());
        assertFalse(session().contains(Base64.getEncoder().encodeToString(key)), "the customer key is never recorded");
    }

    @Test
    void anSseKmsMultipartUploadDrawsOneDataKeyFromKms() throws Exception {
        String arn = server.kms().createKey("alice", "multipart-key");
        HttpResponse<String> created = ok(200, s3.signed(Req.of("POST", "/vault/mp-kms").param("uploads", "")
                .header("x-amz-server-side-encryption", "aws:kms").header("x-amz-server-side-encryption-aws-kms-key-id", "multipart-key"),
                ALICE, now()));
        assertEquals(arn, created.headers().firstValue("x-amz-server-side-encryption-aws-kms-key-id").orElse(""));
        String id = uploadId(created);
        HttpResponse<String> p1 = ok(200, s3.signed(Req.of("PUT", "/vault/mp-kms").param("partNumber", "1").param("uploadId", id)
                .body(PART_2), ALICE, now()));
        ok(200, s3.signed(Req.of("POST", "/vault/mp-kms").param("uploadId", id).body(complete(p1.headers().firstValue("ETag").get())),
                ALICE, now()));
        HttpResponse<String> get = ok(200, s3.signed(Req.of("GET", "/vault/mp-kms"), ALICE, now()));
        assertEquals(PART_2, get.body());
        assertEquals("aws:kms", get.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        assertEquals(List.of("GenerateDataKey", "Decrypt"), server.kms().audit().stream().filter(e -> e.keyArn().equals(arn))
                .map(KmsEvent::operation).toList());
    }

    @Test
    void sseCOverPlainHttpIsRefusedAndNothingIsStored() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        try (S3Server plain = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)))) {
            assertTrue(plain.endpoint().toString().startsWith("http://"), plain.endpoint().toString());
            Signer http = new Signer(plain);
            ok(200, http.signed(Req.of("PUT", "/clear"), ALICE, now()));
            error(400, "InvalidRequest", http.signed(customerKey(Req.of("PUT", "/clear/c.txt").body(SECRET_TEXT), key), ALICE, now()));
            error(404, "NoSuchKey", http.signed(Req.of("GET", "/clear/c.txt"), ALICE, now()));
            error(400, "InvalidRequest", http.signed(customerKey(Req.of("GET", "/clear/c.txt"), key), ALICE, now()));
        }
        assertTrue(server.endpoint().toString().startsWith("https://127.0.0.1:"), server.endpoint().toString());
        assertTrue(server.certificate().isPresent());
    }

    static Req copySourceKey(Req r, byte[] key) {
        return r.header("x-amz-copy-source-server-side-encryption-customer-algorithm", "AES256")
                .header("x-amz-copy-source-server-side-encryption-customer-key", Base64.getEncoder().encodeToString(key))
                .header("x-amz-copy-source-server-side-encryption-customer-key-MD5", Base64.getEncoder().encodeToString(ETags.md5(key)));
    }

    @Test
    void aCopyOpensItsSourceAndIsEncryptedAsItAsks() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] wrong = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        ok(200, s3.signed(customerKey(Req.of("PUT", "/vault/copy-src-c").body(SECRET_TEXT), key), ALICE, now()));
        error(400, "InvalidRequest", s3.signed(Req.of("PUT", "/vault/copy-dst").header("x-amz-copy-source", "/vault/copy-src-c"),
                ALICE, now()));
        error(403, "AccessDenied", s3.signed(copySourceKey(Req.of("PUT", "/vault/copy-dst").header("x-amz-copy-source",
                "/vault/copy-src-c"), wrong), ALICE, now()));
        error(404, "NoSuchKey", s3.signed(Req.of("GET", "/vault/copy-dst"), ALICE, now()));
        HttpResponse<String> copied = ok(200, s3.signed(copySourceKey(Req.of("PUT", "/vault/copy-dst")
                .header("x-amz-copy-source", "/vault/copy-src-c").header("x-amz-server-side-encryption", "aws:kms"), key), ALICE, now()));
        assertTrue(copied.body().contains("<CopyObjectResult"), copied.body());
        assertEquals("aws:kms", copied.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        HttpResponse<String> read = ok(200, s3.signed(Req.of("GET", "/vault/copy-dst"), ALICE, now()));
        assertEquals(SECRET_TEXT, read.body(), "the copy is SSE-KMS now: no customer key needed");

        HttpResponse<String> toCustomer = ok(200, s3.signed(customerKey(Req.of("PUT", "/vault/copy-c")
                .header("x-amz-copy-source", "/vault/copy-dst"), key), ALICE, now()));
        assertEquals("AES256", toCustomer.headers().firstValue("x-amz-server-side-encryption-customer-algorithm").orElse(""));
        error(400, "InvalidRequest", s3.signed(Req.of("GET", "/vault/copy-c"), ALICE, now()));
        assertEquals(SECRET_TEXT, ok(200, s3.signed(customerKey(Req.of("GET", "/vault/copy-c"), key), ALICE, now())).body());
        assertFalse(session().contains(SECRET_TEXT));
    }
}

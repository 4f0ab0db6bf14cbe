package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static io.faultline.serve.s3.Accounts.BOB;
import static io.faultline.serve.s3.Accounts.NOBODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.session.SessionFile;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests against {@code faultline serve s3}: each gets S3's documented error, and
 * nothing it tried is stored, leaked or recorded in the session (FIDELITY A16.1, A16.4, A16.5).
 */
class SecuritySuiteTest {

    @TempDir
    static Path dir;
    static S3Server server;
    static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE, BOB)).withSession(dir.resolve("session.jsonl")));
        s3 = new Signer(server.endpoint());
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-private"), ALICE, now()).statusCode());
        assertEquals(200, s3.signed(Req.of("PUT", "/bob-bucket"), BOB, now()).statusCode());
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-private/secret.txt").body("alice's secret"), ALICE, now()).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static void assertError(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>" + code + "</Code>"), r.body());
        assertTrue(r.headers().firstValue("x-amz-request-id").isPresent(), "every answer carries a request id");
        assertFalse(r.body().contains("alice's secret"), "an error leaks no object content");
    }

    @Test
    void theServerListensOnLoopbackByDefault() {
        assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
    }

    @Test
    void aWrongSignatureIsSignatureDoesNotMatch() throws Exception {
        assertError(403, "SignatureDoesNotMatch", s3.tampered(Req.of("GET", "/alice-private/secret.txt"), ALICE, now()));
        assertError(403, "SignatureDoesNotMatch", s3.signed(Req.of("GET", "/alice-private/secret.txt"),
                new AccessKey(ALICE.id(), "guessed-secret", "alice"), now()));
    }

    @Test
    void aSignedRequestReplayedWithAStaleDateIsRequestTimeTooSkewed() throws Exception {
        long sixteenMinutesAgo = now() - 16 * 60 * 1000;
        assertError(403, "RequestTimeTooSkewed", s3.signed(Req.of("PUT", "/alice-private/replayed").body("x"), ALICE,
                sixteenMinutesAgo));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/replayed"), ALICE, now()));
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyId() throws Exception {
        assertError(403, "InvalidAccessKeyId", s3.signed(Req.of("GET", "/alice-private/secret.txt"), NOBODY, now()));
    }

    @Test
    void aPresignedUrlWorksUntilItExpires() throws Exception {
        URI fresh = s3.presign(Req.of("GET", "/alice-private/secret.txt"), ALICE, now(), 60);
        HttpResponse<String> ok = s3.get(fresh);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("alice's secret", ok.body());
        URI expired = s3.presign(Req.of("GET", "/alice-private/secret.txt"), ALICE, now() - 120_000, 60);
        assertError(403, "AccessDenied", s3.get(expired));
        URI altered = URI.create(fresh.toString().replace("secret.txt", "other.txt"));
        assertError(403, "SignatureDoesNotMatch", s3.get(altered));
    }

    @Test
    void anotherAccountsKeysGetAccessDenied() throws Exception {
        assertError(403, "AccessDenied", s3.signed(Req.of("GET", "/alice-private/secret.txt"), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-private/from-bob").body("bob was here"), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("GET", "/alice-private").param("list-type", "2"), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("DELETE", "/alice-private/secret.txt"), BOB, now()));
        assertError(409, "BucketAlreadyExists", s3.signed(Req.of("PUT", "/alice-private"), BOB, now()));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/from-bob"), ALICE, now()));
        assertEquals(200, s3.signed(Req.of("GET", "/alice-private/secret.txt"), ALICE, now()).statusCode());
    }

    @Test
    void aCopyReadsOnlyWhatItsCallerMayReadAndStoresNothingWhenRefused() throws Exception {
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/bob-bucket/stolen.txt")
                .header("x-amz-copy-source", "/alice-private/secret.txt"), BOB, now()));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/bob-bucket/stolen.txt"), BOB, now()));
        HttpResponse<String> created = s3.signed(Req.of("POST", "/bob-bucket/parts.bin").param("uploads", ""), BOB, now());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<UploadId>([^<]+)</UploadId>").matcher(created.body());
        assertTrue(m.find(), created.body());
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/bob-bucket/parts.bin").param("partNumber", "1")
                .param("uploadId", m.group(1)).header("x-amz-copy-source", "/alice-private/secret.txt"), BOB, now()));
        long readsBefore = sourceReads();
        // On a bucket's PUT the header makes no copy: nothing of the named source is read.
        HttpResponse<String> bucketPut = s3.signed(Req.of("PUT", "/bob-bucket").header("x-amz-copy-source", "/alice-private/secret.txt"),
                BOB, now());
        assertFalse(bucketPut.body().contains("alice's secret"), bucketPut.body());
        assertEquals(readsBefore, sourceReads(), "no read of alice's object on bob's behalf");
        SessionFile.Session session = SessionFile.read(dir.resolve("session.jsonl"));
        assertTrue(session.entries().stream().noneMatch(e -> e.request().method().equals("PUT") && e.request().bucket().equals("bob-bucket")
                && (e.request().key().equals("stolen.txt") || e.request().hasParam("partNumber"))), "nothing written for bob");
    }

    /** How many GETs of alice's secret the session holds. */
    static long sourceReads() throws Exception {
        return SessionFile.read(dir.resolve("session.jsonl")).entries().stream().filter(e -> e.request().method().equals("GET")
                && e.request().bucket().equals("alice-private") && e.request().key().equals("secret.txt")).count();
    }

    @Test
    void anUnsignedPutToAPrivateBucketStoresNothing() throws Exception {
        assertError(403, "AccessDenied", s3.anonymous(Req.of("PUT", "/alice-private/anonymous.txt").body("spam")));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("GET", "/alice-private/secret.txt")));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/anonymous.txt"), ALICE, now()));
        HttpResponse<String> list = s3.signed(Req.of("GET", "/alice-private").param("list-type", "2"), ALICE, now());
        assertFalse(list.body().contains("anonymous.txt"), list.body());
        SessionFile.Session session = SessionFile.read(dir.resolve("session.jsonl"));
        assertTrue(session.entries().stream().noneMatch(e -> e.request().key().equals("anonymous.txt")
                        && e.request().method().equals("PUT")),
                "a refused request never reaches the model, so the session has no trace of it");
    }

    @Test
    void anonymousCallersReachWhatIsPublicAndNothingElse() throws Exception {
        assertError(400, "AccessControlListNotSupported", s3.signed(Req.of("PUT", "/alice-private/public.txt").body("hello world")
                .header("x-amz-acl", "public-read"), ALICE, now()));
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-shared").header("x-amz-object-ownership", "ObjectWriter"), ALICE, now())
                .statusCode());
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-shared/public.txt").body("hello world")
                .header("x-amz-acl", "public-read"), ALICE, now()));
        assertEquals(204, s3.signed(Req.of("DELETE", "/alice-shared").param("publicAccessBlock", ""), ALICE, now()).statusCode());
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-shared/public.txt").body("hello world")
                .header("x-amz-acl", "public-read"), ALICE, now()).statusCode());
        HttpResponse<String> pub = s3.anonymous(Req.of("GET", "/alice-shared/public.txt"));
        assertEquals(200, pub.statusCode(), pub.body());
        assertEquals("hello world", pub.body());
        assertError(403, "AccessDenied", s3.anonymous(Req.of("GET", "/alice-shared").param("list-type", "2")));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("GET", "/alice-private/public.txt")));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("PUT", "/alice-shared/public.txt").body("defaced")));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("GET", "/")));
    }

    @Test
    void nobodyButTheOwnerChangesAccessSettings() throws Exception {
        String open = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::alice-private/*\"}]}";
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-private").param("policy", "").body(open), BOB, now()));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("DELETE", "/alice-private").param("publicAccessBlock", "")));
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-private").param("ownershipControls", "")
                .body("<OwnershipControls><Rule><ObjectOwnership>ObjectWriter</ObjectOwnership></Rule></OwnershipControls>"), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-private/secret.txt").param("acl", "")
                .header("x-amz-grant-read", "id=\"bob\""), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("GET", "/alice-private/secret.txt"), BOB, now()));
        assertError(403, "AccessDenied", s3.signed(Req.of("GET", "/alice-private").param("acl", ""), BOB, now()));
    }

    @Test
    void anotherAccountsKmsKeyCannotSealOrOpen() throws Exception {
        String alicesKey = server.kms().createKey("alice", "alice-only");
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/bob-bucket/stolen-key").body("x")
                .header("x-amz-server-side-encryption", "aws:kms").header("x-amz-server-side-encryption-aws-kms-key-id", alicesKey),
                BOB, now()));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/bob-bucket/stolen-key"), BOB, now()));
        assertTrue(server.kms().audit().stream().noneMatch(e -> e.account().equals("bob")), "bob never used alice's key");
    }

    @Test
    void theWebsiteEndpointNeitherWritesNorRevealsPrivateObjects() throws Exception {
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-private").param("website", "")
                .body("<WebsiteConfiguration><IndexDocument><Suffix>secret.txt</Suffix></IndexDocument></WebsiteConfiguration>"),
                ALICE, now()).statusCode());
        for (String request : new String[] {"GET /secret.txt", "GET /", "PUT /planted.txt", "DELETE /secret.txt"}) {
            try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write((request + " HTTP/1.1\r\nHost: alice-private.s3-website.localhost:" + server.port()
                        + "\r\nContent-Length: 4\r\nConnection: close\r\n\r\nspam").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 403") || answer.startsWith("HTTP/1.1 405"), answer);
                assertFalse(answer.contains("alice's secret"), answer);
            }
        }
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/planted.txt"), ALICE, now()));
        assertError(403, "AccessDenied", s3.anonymous(Req.of("PUT", "/alice-private").param("website", "").body("<x/>")));
    }

    @Test
    void aPolicyThatLocksItsOwnerOutStillLetsTheOwnerRemoveIt() throws Exception {
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-locked"), ALICE, now()).statusCode());
        String denyAll = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::alice-locked\",\"arn:aws:s3:::alice-locked/*\"]}]}";
        assertEquals(204, s3.signed(Req.of("PUT", "/alice-locked").param("policy", "").body(denyAll), ALICE, now()).statusCode());
        assertError(403, "AccessDenied", s3.signed(Req.of("PUT", "/alice-locked/x").body("x"), ALICE, now()));
        assertEquals(204, s3.signed(Req.of("DELETE", "/alice-locked").param("policy", ""), ALICE, now()).statusCode());
        assertEquals(200, s3.signed(Req.of("PUT", "/alice-locked/x").body("x"), ALICE, now()).statusCode());
    }

    @Test
    void dotDotInAKeyNamesAKeyAndNeverLeavesTheBucket() throws Exception {
        HttpResponse<String> put = s3.signed(Req.of("PUT", "/alice-private/../bob-bucket/planted").body("x"), ALICE, now());
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> bobs = s3.signed(Req.of("GET", "/bob-bucket").param("list-type", "2"), BOB, now());
        assertEquals(200, bobs.statusCode(), bobs.body());
        assertFalse(bobs.body().contains("planted"), bobs.body());
        HttpResponse<String> alices = s3.signed(Req.of("GET", "/alice-private").param("list-type", "2"), ALICE, now());
        assertTrue(alices.body().contains("<Key>../bob-bucket/planted</Key>"), alices.body());
    }

    @Test
    void oversizedHeadersAreRequestHeaderSectionTooLarge() throws Exception {
        Req big = Req.of("GET", "/alice-private/secret.txt").header("x-padding", "a".repeat(9000));
        assertError(400, "RequestHeaderSectionTooLarge", s3.signed(big, ALICE, now()));
    }

    @Test
    void xmlBombsAreMalformedXml() throws Exception {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<Delete><Object><Key>&lol3;</Key></Object></Delete>";
        assertError(400, "MalformedXML", s3.signed(Req.of("POST", "/alice-private").param("delete", "").body(bomb), ALICE, now()));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY f SYSTEM \"file:///etc/passwd\">]>"
                + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&f;</ETag></Part></CompleteMultipartUpload>";
        assertError(400, "MalformedXML", s3.signed(Req.of("POST", "/alice-private/big").param("uploadId", "u1").body(xxe), ALICE, now()));
        assertEquals(200, s3.signed(Req.of("GET", "/alice-private/secret.txt"), ALICE, now()).statusCode(),
                "the bomb deleted nothing");
    }

    @Test
    void aSwappedBodyIsXAmzContentSha256Mismatch() throws Exception {
        assertError(400, "XAmzContentSHA256Mismatch", s3.bodySwapped(Req.of("PUT", "/alice-private/tampered"), "swapped", ALICE, now()));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/tampered"), ALICE, now()));
    }

    @Test
    void awsChunkedUploadsAreStoredOnlyWhenEveryChunkSignatureHolds() throws Exception {
        byte[] data = "streamed in three chunks, each signed".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = s3.streaming(Req.of("PUT", "/alice-private/streamed"), ALICE, now(), data, 16, false);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("streamed in three chunks, each signed",
                s3.signed(Req.of("GET", "/alice-private/streamed"), ALICE, now()).body());
        assertError(403, "SignatureDoesNotMatch", s3.streaming(Req.of("PUT", "/alice-private/forged"), ALICE, now(), data, 16, true));
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/forged"), ALICE, now()));
    }

    @Test
    void virtualHostedStyleNamesTheBucketInTheHost() throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /public.txt HTTP/1.1\r\nHost: alice-private.localhost:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("hello world") || answer.contains("<Code>AccessDenied</Code>"), answer);
        }
    }

    @Test
    void aPutDeclaringMoreThanFiveGigabytesIsEntityTooLargeBeforeItsBodyIsRead() throws Exception {
        long declared = (5L << 30) + 1; // S3's single-PUT limit is 5 GiB (FIDELITY A2); no byte of the body is sent
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /alice-private/huge.bin HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Length: " + declared
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] head = new byte[4096];
            int n = socket.getInputStream().read(head);
            String answer = new String(head, 0, Math.max(n, 0), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("<Code>EntityTooLarge</Code>"), answer);
        }
        assertError(404, "NoSuchKey", s3.signed(Req.of("GET", "/alice-private/huge.bin"), ALICE, now()));
    }
}

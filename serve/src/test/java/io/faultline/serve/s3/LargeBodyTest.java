package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.session.ReplayScenario;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.session.SessionFile;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies far above what a request or the heap should hold (FIDELITY A16.4): a ~100 MiB PUT and a
 * multipart upload of 3 x 40 MiB, generated from a seed as they are sent and compared by digest as
 * they are read back, whole and by range. Surefire runs this class in a JVM of 256 MiB of heap (see
 * serve/pom.xml): holding one of these bodies whole, sealed and opened, would not fit.
 */
class LargeBodyTest {
    private static final long SEED = Long.getLong("faultline.seed", 17L);
    private static final long SIZE = 100L * 1024 * 1024 + 12_345; // not a whole number of 1 MiB segments
    private static final long PART = 40L * 1024 * 1024;
    @TempDir
    static Path dir;
    private static S3Server server;
    private static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("LargeBodyTest seed " + SEED + " (-Dfaultline.seed=" + SEED + " to repeat), heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)).withSession(dir.resolve("session.jsonl")));
        s3 = new Signer(server.endpoint());
        assertEquals(200, s3.signed(Req.of("PUT", "/big"), ALICE, now()).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static HttpResponse<InputStream> send(Req r, String payloadHash, long length, Supplier<InputStream> body) throws Exception {
        return s3.streamed(r, ALICE, now(), payloadHash, length, body);
    }

    private static HttpResponse<InputStream> get(Req r) throws Exception {
        return send(r, "UNSIGNED-PAYLOAD", 0, InputStream::nullInputStream);
    }

    /** The answer's body as text, read to its end (which also lets the connection be reused). */
    private static String text(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aHundredMebibytePutIsStoredAndReadBackWholeAndByRange() throws Exception {
        Supplier<InputStream> body = () -> new SeededBytes(SEED, SIZE);
        byte[] md5 = SeededBytes.digest("MD5", body.get(), 0, SIZE - 1);
        String sha = hex(SeededBytes.digest("SHA-256", body.get(), 0, SIZE - 1));
        HttpResponse<InputStream> put = send(Req.of("PUT", "/big/object").header("Content-MD5",
                Base64.getEncoder().encodeToString(md5)), sha, SIZE, body);
        assertEquals(200, put.statusCode(), () -> "the answer: " + text(put));
        assertEquals("\"" + hex(md5) + "\"", put.headers().firstValue("ETag").orElse(""), "a single PUT's ETag is its MD5");
        text(put);

        HttpResponse<InputStream> whole = get(Req.of("GET", "/big/object"));
        assertEquals(200, whole.statusCode());
        assertEquals(String.valueOf(SIZE), whole.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(md5, SeededBytes.digest("MD5", whole.body(), 0, SIZE - 1), "the bytes read are the bytes written");

        long first = 50L * 1024 * 1024 - 7; // across a segment boundary, from inside one
        long last = 52L * 1024 * 1024 + 3;
        HttpResponse<InputStream> range = get(Req.of("GET", "/big/object").header("Range", "bytes=" + first + "-" + last));
        assertEquals(206, range.statusCode());
        assertEquals("bytes " + first + "-" + last + "/" + SIZE, range.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(SeededBytes.digest("MD5", body.get(), first, last),
                SeededBytes.digest("MD5", range.body(), 0, last - first), "a range is those bytes of the object");

        HttpResponse<InputStream> head = get(Req.of("HEAD", "/big/object"));
        assertEquals(String.valueOf(SIZE), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals("\"" + hex(md5) + "\"", head.headers().firstValue("ETag").orElse(""));

        HttpResponse<InputStream> copy = get(Req.of("PUT", "/big/copied").header("x-amz-copy-source", "/big/object"));
        assertEquals(200, copy.statusCode(), () -> "the answer: " + text(copy));
        assertTrue(text(copy).contains(hex(md5)), "a copy's ETag is its MD5 too");
        HttpResponse<InputStream> copied = get(Req.of("GET", "/big/copied"));
        assertArrayEquals(md5, SeededBytes.digest("MD5", copied.body(), 0, SIZE - 1), "a large object is copied whole");
    }

    @Test
    void aWrongPayloadHashOrContentMd5StoresNothing() throws Exception {
        long size = 3L * 1024 * 1024;
        Supplier<InputStream> body = () -> new SeededBytes(SEED + 1, size);
        String sha = hex(SeededBytes.digest("SHA-256", body.get(), 0, size - 1));
        String wrongSha = hex(SeededBytes.digest("SHA-256", new SeededBytes(SEED + 2, size), 0, size - 1));
        HttpResponse<InputStream> mismatch = send(Req.of("PUT", "/big/refused"), wrongSha, size, body);
        assertEquals(400, mismatch.statusCode());
        assertTrue(text(mismatch).contains("<Code>XAmzContentSHA256Mismatch</Code>"));
        HttpResponse<InputStream> badMd5 = send(Req.of("PUT", "/big/refused").header("Content-MD5",
                Base64.getEncoder().encodeToString(new byte[16])), sha, size, body);
        assertEquals(400, badMd5.statusCode());
        assertTrue(text(badMd5).contains("<Code>BadDigest</Code>"));
        HttpResponse<InputStream> read = get(Req.of("GET", "/big/refused"));
        assertEquals(404, read.statusCode());
        text(read);
        HttpResponse<InputStream> document = send(Req.of("PUT", "/big").param("policy", ""), sha, size, body);
        assertEquals(400, document.statusCode());
        assertTrue(text(document).contains("<Code>MaxMessageLengthExceeded</Code>"), "only object bytes may be large");
    }

    @Test
    void anAwsChunkedUploadIsDecodedAsItStreams() throws Exception {
        byte[] data = new SeededBytes(SEED + 3, 3L * 1024 * 1024 + 5).readAllBytes(); // in memory: Signer frames it whole
        HttpResponse<String> put = s3.streaming(Req.of("PUT", "/big/chunked"), ALICE, now(), data, 256 * 1024, false);
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<InputStream> read = get(Req.of("GET", "/big/chunked"));
        assertEquals(200, read.statusCode());
        assertArrayEquals(ETags.md5(data), SeededBytes.digest("MD5", read.body(), 0, data.length - 1));
        HttpResponse<String> tampered = s3.streaming(Req.of("PUT", "/big/tampered"), ALICE, now(), data, 256 * 1024, true);
        assertEquals(403, tampered.statusCode(), tampered.body());
        assertTrue(tampered.body().contains("<Code>SignatureDoesNotMatch</Code>"), tampered.body());
    }

    @Test
    void aMultipartUploadOfThreeFortyMebibytePartsIsReadBackWholeAndByRange() throws Exception {
        String created = text(send(Req.of("POST", "/big/multi").param("uploads", ""), "UNSIGNED-PAYLOAD", 0, InputStream::nullInputStream));
        String uploadId = created.replaceAll("(?s).*<UploadId>(.*)</UploadId>.*", "$1");
        List<byte[]> md5s = new ArrayList<>();
        StringBuilder complete = new StringBuilder("<CompleteMultipartUpload>");
        for (int n = 1; n <= 3; n++) {
            long seed = SEED * 31 + n;
            byte[] md5 = SeededBytes.digest("MD5", new SeededBytes(seed, PART), 0, PART - 1);
            md5s.add(md5);
            HttpResponse<InputStream> part = send(Req.of("PUT", "/big/multi").param("partNumber", String.valueOf(n))
                    .param("uploadId", uploadId), "UNSIGNED-PAYLOAD", PART, () -> new SeededBytes(seed, PART));
            assertEquals(200, part.statusCode(), () -> "the answer: " + text(part));
            assertEquals("\"" + hex(md5) + "\"", part.headers().firstValue("ETag").orElse(""));
            text(part);
            complete.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>\"").append(hex(md5))
                    .append("\"</ETag></Part>");
        }
        byte[] xml = complete.append("</CompleteMultipartUpload>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<InputStream> done = send(Req.of("POST", "/big/multi").param("uploadId", uploadId),
                hex(java.security.MessageDigest.getInstance("SHA-256").digest(xml)), xml.length, () -> new java.io.ByteArrayInputStream(xml));
        String answer = text(done);
        assertEquals(200, done.statusCode(), answer);
        assertTrue(answer.contains(ETags.multipart(md5s)), answer);

        Supplier<InputStream> all = () -> new SequenceInputStream(new SequenceInputStream(new SeededBytes(SEED * 31 + 1, PART),
                new SeededBytes(SEED * 31 + 2, PART)), new SeededBytes(SEED * 31 + 3, PART));
        HttpResponse<InputStream> whole = get(Req.of("GET", "/big/multi"));
        assertEquals(200, whole.statusCode());
        assertEquals(String.valueOf(3 * PART), whole.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(SeededBytes.digest("MD5", all.get(), 0, 3 * PART - 1), SeededBytes.digest("MD5", whole.body(), 0, 3 * PART - 1));

        long first = PART - 1000; // across the boundary of parts 1 and 2
        long last = PART + 5000;
        HttpResponse<InputStream> range = get(Req.of("GET", "/big/multi").header("Range", "bytes=" + first + "-" + last));
        assertEquals(206, range.statusCode());
        assertArrayEquals(SeededBytes.digest("MD5", all.get(), first, last), SeededBytes.digest("MD5", range.body(), 0, last - first));
    }

    @Test
    void theSessionNamesLargeBodiesWithoutHoldingThemAndReplays() throws Exception {
        long size = 2L * 1024 * 1024;
        Supplier<InputStream> body = () -> new SeededBytes(SEED + 4, size);
        String sha = hex(SeededBytes.digest("SHA-256", body.get(), 0, size - 1));
        HttpResponse<InputStream> put = send(Req.of("PUT", "/big/recorded"), sha, size, body);
        assertEquals(200, put.statusCode(), () -> "the answer: " + text(put));
        text(put);
        HttpResponse<InputStream> read = get(Req.of("GET", "/big/recorded"));
        assertEquals(200, read.statusCode());
        text(read);
        Path file = dir.resolve("session.jsonl");
        assertTrue(Files.size(file) < 1024 * 1024, "the session holds no large body: " + Files.size(file) + " bytes");
        assertTrue(Files.readString(file).contains("\"label\":\"blob:"), "a large body is recorded by its label");
        SessionFile.Session session = SessionFile.read(file);
        ServedS3 replayed = ServedS3.live(session.header().seed(), session.header().consistency(), session.header().legacyLagNanos(),
                session.header().startEpochMillis());
        var history = ReplayScenario.replay(replayed, session);
        assertTrue(history.ops().stream().anyMatch(o -> o.toString().contains("big/recorded")), "the replay ran the large PUT");
        assertEquals(S3Checks.linearizable(server.history()).outcome(), S3Checks.linearizable(history).outcome(),
                "the replay's verdict is the live session's");
    }
}

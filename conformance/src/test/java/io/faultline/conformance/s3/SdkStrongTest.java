package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * The real AWS SDK for Java v2 against {@code faultline serve s3} in strong mode (FIDELITY A1.3,
 * A16): every call below answers as S3 documents, SigV4 and aws-chunked uploads included.
 */
class SdkStrongTest {
    @TempDir
    static Path dir;
    static S3Server server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = Served.start(ConsistencyMode.STRONG, 1, dir.resolve("session.jsonl"), dir.resolve("history.edn"));
        s3 = Served.client(server);
        s3.createBucket(b -> b.bucket("photos"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    static String text(ResponseBytes<GetObjectResponse> r) {
        return r.asString(StandardCharsets.UTF_8);
    }

    @Test
    void putGetHeadDelete() {
        PutObjectResponse put = s3.putObject(b -> b.bucket("photos").key("a.txt"), RequestBody.fromString("hello"));
        assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", put.eTag());
        assertEquals("hello", text(s3.getObjectAsBytes(b -> b.bucket("photos").key("a.txt"))));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("photos").key("a.txt"));
        assertEquals(5L, head.contentLength());
        s3.deleteObject(b -> b.bucket("photos").key("a.txt"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("photos").key("a.txt")));
        S3Exception missingBucket = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("nope-bucket").key("x")));
        assertEquals("NoSuchBucket", missingBucket.awsErrorDetails().errorCode());
        assertTrue(missingBucket.requestId() != null && !missingBucket.requestId().isEmpty());
    }

    @Test
    void keysWithSpacesSlashesAndUnicode() {
        String key = "dir one/ünïcode + plus & amp/x.txt";
        s3.putObject(b -> b.bucket("photos").key(key), RequestBody.fromString("odd"));
        assertEquals("odd", text(s3.getObjectAsBytes(b -> b.bucket("photos").key(key))));
    }

    @Test
    void ranges() {
        s3.putObject(b -> b.bucket("photos").key("r.txt"), RequestBody.fromString("0123456789"));
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket("photos").key("r.txt").range("bytes=2-5"));
        assertEquals("2345", text(r));
        assertEquals("bytes 2-5/10", r.response().contentRange());
        assertEquals("789", text(s3.getObjectAsBytes(b -> b.bucket("photos").key("r.txt").range("bytes=-3"))));
        S3Exception e = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("photos").key("r.txt").range("bytes=20-30")));
        assertEquals(416, e.statusCode());
        assertEquals("InvalidRange", e.awsErrorDetails().errorCode());
    }

    @Test
    void listObjectsV2PagesThroughEveryKeyOnce() {
        s3.createBucket(b -> b.bucket("listing"));
        for (int i = 0; i < 25; i++) {
            String k = String.format("p/k%02d", i);
            s3.putObject(b -> b.bucket("listing").key(k), RequestBody.fromString("v"));
        }
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket("listing").prefix("p/").maxKeys(10).build())) {
            pages++;
            page.contents().stream().map(S3Object::key).forEach(seen::add);
        }
        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen);
        ListObjectsV2Response delimited = s3.listObjectsV2(b -> b.bucket("listing").delimiter("/"));
        assertEquals("p/", delimited.commonPrefixes().get(0).prefix());
    }

    @Test
    void versioning() {
        s3.createBucket(b -> b.bucket("versioned"));
        s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket("versioned")).status());
        String v1 = s3.putObject(b -> b.bucket("versioned").key("doc"), RequestBody.fromString("one")).versionId();
        s3.putObject(b -> b.bucket("versioned").key("doc"), RequestBody.fromString("two"));
        assertEquals("one", text(s3.getObjectAsBytes(b -> b.bucket("versioned").key("doc").versionId(v1))));
        assertEquals("two", text(s3.getObjectAsBytes(b -> b.bucket("versioned").key("doc"))));
        s3.deleteObject(b -> b.bucket("versioned").key("doc"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("versioned").key("doc")));
        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket("versioned").prefix("doc"));
        assertEquals(2, versions.versions().size());
        assertEquals(1, versions.deleteMarkers().size());
    }

    @Test
    void conditionalWrites() {
        s3.putObject(b -> b.bucket("photos").key("lock").ifNoneMatch("*"), RequestBody.fromString("mine"));
        S3Exception taken = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket("photos").key("lock").ifNoneMatch("*"), RequestBody.fromString("yours")));
        assertEquals(412, taken.statusCode());
        assertEquals("PreconditionFailed", taken.awsErrorDetails().errorCode());
        String etag = s3.headObject(b -> b.bucket("photos").key("lock")).eTag();
        s3.putObject(b -> b.bucket("photos").key("lock").ifMatch(etag), RequestBody.fromString("mine, v2"));
        S3Exception stale = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket("photos").key("lock").ifMatch(etag), RequestBody.fromString("lost update")));
        assertEquals(412, stale.statusCode());
        assertEquals("mine, v2", text(s3.getObjectAsBytes(b -> b.bucket("photos").key("lock"))));
    }

    @Test
    void deleteObjectsAndCopy() {
        s3.putObject(b -> b.bucket("photos").key("d1"), RequestBody.fromString("1"));
        s3.putObject(b -> b.bucket("photos").key("d2"), RequestBody.fromString("2"));
        s3.copyObject(b -> b.sourceBucket("photos").sourceKey("d1").destinationBucket("photos").destinationKey("d3"));
        assertEquals("1", text(s3.getObjectAsBytes(b -> b.bucket("photos").key("d3"))));
        s3.deleteObjects(b -> b.bucket("photos").delete(d -> d.objects(o -> o.key("d1"), o -> o.key("d2"))));
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(b -> b.bucket("photos").key("d1")));
    }

    @Test
    void presignedUrls() throws Exception {
        s3.putObject(b -> b.bucket("photos").key("shared.txt"), RequestBody.fromString("shared"));
        try (S3Presigner p = Served.presigner(server)) {
            PresignedGetObjectRequest url = p.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("photos").key("shared.txt")));
            HttpResponse<String> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.url().toURI()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, got.statusCode(), got.body());
            assertEquals("shared", got.body());
            URI unsigned = URI.create(url.url().toString().replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + "0".repeat(64)));
            assertEquals(403, HttpClient.newHttpClient().send(HttpRequest.newBuilder(unsigned).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void multipartThroughTheTransferManager() throws Exception {
        byte[] data = new byte[12 * 1024 * 1024];
        new Random(42).nextBytes(data);
        Path file = dir.resolve("big.bin");
        Files.write(file, data);
        try (S3AsyncClient async = Served.asyncClient(server); S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            CompletedFileUpload up = tm.uploadFile(UploadFileRequest.builder().putObjectRequest(b -> b.bucket("photos").key("big.bin"))
                    .source(file).build()).completionFuture().join();
            assertTrue(up.response().eTag().contains("-"), "a multipart ETag ends in -N: " + up.response().eTag());
        }
        assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket("photos").key("big.bin")).asByteArray());
    }
}

package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faultline.models.s3.api.ETags;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.auth.AccessKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The real AWS SDK for Java v2 copying (FIDELITY A16.17): CopyObject from another bucket, refused
 * when the source is another account's private object, and UploadPartCopy of encrypted sources,
 * whole and by {@code x-amz-copy-source-range}, read back as the plaintext after completion.
 */
class SdkCopyTest {
    static final AccessKey BOB = new AccessKey("AKIDBOB", "bob-secret", "bob");
    static final int MIB = 1024 * 1024;
    static S3Server server;
    static S3Client alice;
    static S3Client bob;

    @BeforeAll
    static void start() throws Exception {
        server = Served.startTls(Served.ALICE, BOB); // the SSE-C copies need HTTPS
        alice = Served.client(server);
        bob = Served.client(server, BOB);
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        server.close();
    }

    static S3Exception refused(Runnable call) {
        return assertThrows(S3Exception.class, call::run);
    }

    /** {@code n} bytes that differ from one offset to the next, so that a wrong range shows. */
    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 251);
        }
        return b;
    }

    @Test
    void copyObjectFromAnotherBucket() {
        alice.createBucket(b -> b.bucket("copy-from"));
        alice.createBucket(b -> b.bucket("copy-to"));
        alice.putObject(b -> b.bucket("copy-from").key("report.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("a,b,c"));
        CopyObjectResponse copy = alice.copyObject(b -> b.sourceBucket("copy-from").sourceKey("report.csv")
                .destinationBucket("copy-to").destinationKey("archive/report.csv"));
        assertEquals(ServerSideEncryption.AES256, copy.serverSideEncryption(), "the copy is sealed by its own bucket's default");
        assertEquals(ETags.hex(ETags.md5("a,b,c".getBytes(StandardCharsets.UTF_8))), copy.copyObjectResult().eTag().replace("\"", ""));
        assertEquals("a,b,c", alice.getObjectAsBytes(b -> b.bucket("copy-to").key("archive/report.csv")).asUtf8String());
        assertEquals("a,b,c", alice.getObjectAsBytes(b -> b.bucket("copy-from").key("report.csv")).asUtf8String(), "the source stays");
        assertEquals("NoSuchKey", refused(() -> alice.copyObject(b -> b.sourceBucket("copy-from").sourceKey("missing")
                .destinationBucket("copy-to").destinationKey("x"))).awsErrorDetails().errorCode());
        assertEquals("NoSuchBucket", refused(() -> alice.copyObject(b -> b.sourceBucket("no-such-source").sourceKey("k")
                .destinationBucket("copy-to").destinationKey("x"))).awsErrorDetails().errorCode());
    }

    @Test
    void anotherAccountsPrivateObjectIsNotCopiedAndNothingIsStored() {
        bob.createBucket(b -> b.bucket("bob-private"));
        bob.putObject(b -> b.bucket("bob-private").key("salaries.csv"), RequestBody.fromString("secret"));
        alice.createBucket(b -> b.bucket("alice-loot"));
        S3Exception e = refused(() -> alice.copyObject(b -> b.sourceBucket("bob-private").sourceKey("salaries.csv")
                .destinationBucket("alice-loot").destinationKey("stolen.csv")));
        assertEquals(403, e.statusCode());
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(404, refused(() -> alice.headObject(b -> b.bucket("alice-loot").key("stolen.csv"))).statusCode(),
                "nothing was stored");
        String upload = alice.createMultipartUpload(b -> b.bucket("alice-loot").key("parts.csv")).uploadId();
        assertEquals("AccessDenied", refused(() -> alice.uploadPartCopy(b -> b.sourceBucket("bob-private").sourceKey("salaries.csv")
                .destinationBucket("alice-loot").destinationKey("parts.csv").uploadId(upload).partNumber(1)))
                .awsErrorDetails().errorCode());
        assertEquals(0, alice.listParts(b -> b.bucket("alice-loot").key("parts.csv").uploadId(upload)).parts().size(),
                "no part was stored");
        // Nor may alice write her copy into bob's bucket, even of her own object.
        alice.putObject(b -> b.bucket("alice-loot").key("mine.csv"), RequestBody.fromString("mine"));
        assertEquals("AccessDenied", refused(() -> alice.copyObject(b -> b.sourceBucket("alice-loot").sourceKey("mine.csv")
                .destinationBucket("bob-private").destinationKey("planted.csv"))).awsErrorDetails().errorCode());
        assertEquals(404, refused(() -> bob.headObject(b -> b.bucket("bob-private").key("planted.csv"))).statusCode());
    }

    @Test
    void theSourceBucketsPolicyDecidesWhoMayCopyFromIt() {
        bob.createBucket(b -> b.bucket("bob-shared"));
        bob.putObject(b -> b.bucket("bob-shared").key("shared/plan.txt"), RequestBody.fromString("the plan"));
        bob.putObject(b -> b.bucket("bob-shared").key("shared/secret.txt"), RequestBody.fromString("not for alice"));
        bob.putObject(b -> b.bucket("bob-shared").key("private.txt"), RequestBody.fromString("bob only"));
        bob.putBucketPolicy(b -> b.bucket("bob-shared").policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"alice\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bob-shared/shared/*\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bob-shared/shared/secret*\"}]}"));
        alice.createBucket(b -> b.bucket("alice-inbox"));
        alice.copyObject(b -> b.sourceBucket("bob-shared").sourceKey("shared/plan.txt").destinationBucket("alice-inbox")
                .destinationKey("plan.txt"));
        assertEquals("the plan", alice.getObjectAsBytes(b -> b.bucket("alice-inbox").key("plan.txt")).asUtf8String());
        for (String key : new String[] {"shared/secret.txt", "private.txt"}) {
            assertEquals("AccessDenied", refused(() -> alice.copyObject(b -> b.sourceBucket("bob-shared").sourceKey(key)
                    .destinationBucket("alice-inbox").destinationKey("copied"))).awsErrorDetails().errorCode(), key);
        }
        assertEquals(404, refused(() -> alice.headObject(b -> b.bucket("alice-inbox").key("copied"))).statusCode());
    }

    @Test
    void uploadPartCopyOfAnEncryptedSourceReadsAsItsPlaintext() {
        alice.createBucket(b -> b.bucket("part-copies"));
        byte[] source = bytes(6 * MIB + 123);
        alice.putObject(b -> b.bucket("part-copies").key("source.bin").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromBytes(source));
        alice.putObject(b -> b.bucket("part-copies").key("tail.txt"), RequestBody.fromString("the end"));
        String upload = alice.createMultipartUpload(b -> b.bucket("part-copies").key("assembled.bin")).uploadId();
        String e1 = alice.uploadPartCopy(b -> b.sourceBucket("part-copies").sourceKey("source.bin").destinationBucket("part-copies")
                .destinationKey("assembled.bin").uploadId(upload).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1)))
                .copyPartResult().eTag();
        String e2 = alice.uploadPartCopy(b -> b.sourceBucket("part-copies").sourceKey("source.bin").destinationBucket("part-copies")
                .destinationKey("assembled.bin").uploadId(upload).partNumber(2)).copyPartResult().eTag();
        String e3 = alice.uploadPartCopy(b -> b.sourceBucket("part-copies").sourceKey("source.bin").destinationBucket("part-copies")
                .destinationKey("assembled.bin").uploadId(upload).partNumber(3).copySourceRange("bytes=" + (5 * MIB) + "-"
                        + (source.length - 1))).copyPartResult().eTag();
        assertEquals(ETags.hex(ETags.md5(Arrays.copyOfRange(source, 0, 5 * MIB))), e1.replace("\"", ""),
                "an SSE-S3 part's ETag is the MD5 of its plaintext");
        alice.completeMultipartUpload(b -> b.bucket("part-copies").key("assembled.bin").uploadId(upload).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build(),
                CompletedPart.builder().partNumber(3).eTag(e3).build())));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.write(source, 0, 5 * MIB);
        expected.writeBytes(source);
        expected.write(source, 5 * MIB, source.length - 5 * MIB);
        assertArrayEquals(expected.toByteArray(), alice.getObjectAsBytes(b -> b.bucket("part-copies").key("assembled.bin")).asByteArray());

        String other = alice.createMultipartUpload(b -> b.bucket("part-copies").key("bad-range.bin")).uploadId();
        assertEquals("InvalidArgument", refused(() -> alice.uploadPartCopy(b -> b.sourceBucket("part-copies").sourceKey("source.bin")
                .destinationBucket("part-copies").destinationKey("bad-range.bin").uploadId(other).partNumber(1)
                .copySourceRange("bytes=0-" + source.length))).awsErrorDetails().errorCode(), "a range past the source's end");
        assertEquals("InvalidRequest", refused(() -> alice.uploadPartCopy(b -> b.sourceBucket("part-copies").sourceKey("tail.txt")
                .destinationBucket("part-copies").destinationKey("bad-range.bin").uploadId(other).partNumber(1)
                .copySourceRange("bytes=0-3"))).awsErrorDetails().errorCode(), "a range of a source of 5 MB or less");
        assertEquals(0, alice.listParts(b -> b.bucket("part-copies").key("bad-range.bin").uploadId(other)).parts().size());
    }

    @Test
    void uploadPartCopyBetweenCustomerKeys() {
        alice.createBucket(b -> b.bucket("customer-parts"));
        byte[] sourceKey = "the source's customer key, 32 B!".getBytes(StandardCharsets.US_ASCII);
        byte[] uploadKey = "the upload's customer key, 32 B!".getBytes(StandardCharsets.US_ASCII);
        String sk = Base64.getEncoder().encodeToString(sourceKey);
        String sm = Base64.getEncoder().encodeToString(ETags.md5(sourceKey));
        String uk = Base64.getEncoder().encodeToString(uploadKey);
        String um = Base64.getEncoder().encodeToString(ETags.md5(uploadKey));
        byte[] source = bytes(5 * MIB + 10); // a range is copied only from a source larger than 5 MB
        alice.putObject(b -> b.bucket("customer-parts").key("source.txt").sseCustomerAlgorithm("AES256").sseCustomerKey(sk)
                .sseCustomerKeyMD5(sm), RequestBody.fromBytes(source));
        String upload = alice.createMultipartUpload(b -> b.bucket("customer-parts").key("copy.txt").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(uk).sseCustomerKeyMD5(um)).uploadId();
        assertEquals("InvalidRequest", refused(() -> alice.uploadPartCopy(b -> b.sourceBucket("customer-parts").sourceKey("source.txt")
                .destinationBucket("customer-parts").destinationKey("copy.txt").uploadId(upload).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(uk).sseCustomerKeyMD5(um))).awsErrorDetails().errorCode(),
                "an SSE-C source needs its key");
        String e1 = alice.uploadPartCopy(b -> b.sourceBucket("customer-parts").sourceKey("source.txt").destinationBucket("customer-parts")
                .destinationKey("copy.txt").uploadId(upload).partNumber(1).copySourceRange("bytes=2-5")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(sk).copySourceSSECustomerKeyMD5(sm)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(uk).sseCustomerKeyMD5(um)).copyPartResult().eTag();
        alice.completeMultipartUpload(b -> b.bucket("customer-parts").key("copy.txt").uploadId(upload)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(uk).sseCustomerKeyMD5(um)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build())));
        assertArrayEquals(Arrays.copyOfRange(source, 2, 6), alice.getObjectAsBytes(b -> b.bucket("customer-parts").key("copy.txt")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(uk).sseCustomerKeyMD5(um)).asByteArray());
    }
}

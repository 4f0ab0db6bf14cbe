package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.ETags;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.tls.Tls;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * The real AWS SDK for Java v2 against access control and encryption (FIDELITY A16.5 to A16.10):
 * ACLs, Object Ownership, Block Public Access and bucket policies through the SDK's own calls, and
 * SSE-S3, SSE-KMS and SSE-C headers as the SDK sends them.
 */
class SdkAccessEncryptionTest {
    static final AccessKey BOB = new AccessKey("AKIDBOB", "bob-secret", "bob");
    static S3Server server;
    static S3Client alice;
    static S3Client bob;
    static S3Client anonymous;

    @BeforeAll
    static void start() throws Exception {
        // HTTPS: S3 refuses SSE-C over plain HTTP (FIDELITY A16.10); the SDK trusts the generated certificate.
        server = S3Server.start(ServeConfig.loopback(Credentials.of(Served.ALICE, BOB)).withTls(new Tls.SelfSigned()));
        alice = Served.client(server);
        bob = client(StaticCredentialsProvider.create(AwsBasicCredentials.create(BOB.id(), BOB.secret())));
        anonymous = client(AnonymousCredentialsProvider.create());
    }

    static S3Client client(AwsCredentialsProvider credentials) {
        return Served.client(server, credentials);
    }

    @AfterAll
    static void stop() {
        alice.close();
        bob.close();
        anonymous.close();
        server.close();
    }

    static String code(Runnable call) {
        return assertThrows(S3Exception.class, call::run).awsErrorDetails().errorCode();
    }

    @Test
    void aclsThroughTheSdk() {
        alice.createBucket(b -> b.bucket("enforced"));
        assertEquals("AccessControlListNotSupported", code(() -> alice.putObject(b -> b.bucket("enforced").key("a")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("a"))));

        alice.createBucket(b -> b.bucket("acls").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        assertEquals(ObjectOwnership.OBJECT_WRITER, alice.getBucketOwnershipControls(b -> b.bucket("acls"))
                .ownershipControls().rules().get(0).objectOwnership());
        assertEquals("AccessDenied", code(() -> alice.putObject(b -> b.bucket("acls").key("page.html")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("<p>hello</p>"))));
        alice.deletePublicAccessBlock(b -> b.bucket("acls"));
        alice.putObject(b -> b.bucket("acls").key("page.html").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("<p>hello</p>"));
        assertEquals("<p>hello</p>", anonymous.getObjectAsBytes(b -> b.bucket("acls").key("page.html")).asUtf8String());
        GetObjectAclResponse acl = alice.getObjectAcl(b -> b.bucket("acls").key("page.html"));
        assertEquals("alice", acl.owner().id());
        assertTrue(acl.grants().stream().anyMatch(g -> g.grantee().type() == Type.GROUP && g.permission() == Permission.READ
                && g.grantee().uri().endsWith("/AllUsers")), acl.grants().toString());

        alice.putObject(b -> b.bucket("acls").key("for-bob"), RequestBody.fromString("only bob"));
        assertEquals("AccessDenied", code(() -> bob.getObjectAsBytes(b -> b.bucket("acls").key("for-bob"))));
        AccessControlPolicy policy = AccessControlPolicy.builder().owner(Owner.builder().id("alice").build()).grants(
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("alice").build()).permission(Permission.FULL_CONTROL).build(),
                Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("bob").build()).permission(Permission.READ).build())
                .build();
        alice.putObjectAcl(b -> b.bucket("acls").key("for-bob").accessControlPolicy(policy));
        assertEquals("only bob", bob.getObjectAsBytes(b -> b.bucket("acls").key("for-bob")).asUtf8String());
        assertEquals("AccessDenied", code(() -> anonymous.getObjectAsBytes(b -> b.bucket("acls").key("for-bob"))));

        alice.putBucketAcl(b -> b.bucket("acls").grantWrite("id=\"bob\""));
        assertTrue(alice.getBucketAcl(b -> b.bucket("acls")).grants().stream()
                .anyMatch(g -> "bob".equals(g.grantee().id()) && g.permission() == Permission.WRITE));
        bob.putObject(b -> b.bucket("acls").key("from-bob"), RequestBody.fromString("bob's"));
        assertEquals("AccessDenied", code(() -> alice.getObjectAsBytes(b -> b.bucket("acls").key("from-bob"))));
    }

    @Test
    void aBucketPolicyThroughTheSdk() {
        alice.createBucket(b -> b.bucket("policed"));
        alice.putObject(b -> b.bucket("policed").key("shared/report.csv"), RequestBody.fromString("1,2,3"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policed/shared/*\"}]}";
        alice.putBucketPolicy(b -> b.bucket("policed").policy(policy));
        assertEquals(policy, alice.getBucketPolicy(b -> b.bucket("policed")).policy());
        assertEquals("1,2,3", bob.getObjectAsBytes(b -> b.bucket("policed").key("shared/report.csv")).asUtf8String());
        assertEquals("AccessDenied", code(() -> bob.putObject(b -> b.bucket("policed").key("shared/x"), RequestBody.fromString("x"))));
        assertEquals("AccessDenied", code(() -> bob.getBucketPolicy(b -> b.bucket("policed"))));
        alice.deleteBucketPolicy(b -> b.bucket("policed"));
        assertEquals("AccessDenied", code(() -> bob.getObjectAsBytes(b -> b.bucket("policed").key("shared/report.csv"))));
    }

    @Test
    void sseS3AndSseKmsThroughTheSdk() {
        alice.createBucket(b -> b.bucket("sealed"));
        PutObjectResponse s3 = alice.putObject(b -> b.bucket("sealed").key("s3").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("sealed by s3"));
        assertEquals(ServerSideEncryption.AES256, s3.serverSideEncryption());
        assertEquals("\"" + ETags.hex(ETags.md5("sealed by s3".getBytes(StandardCharsets.UTF_8))) + "\"", s3.eTag());
        assertEquals("sealed by s3", alice.getObjectAsBytes(b -> b.bucket("sealed").key("s3")).asUtf8String());
        String arn = server.kms().createKey("alice", "sdk-key");
        PutObjectResponse kms = alice.putObject(b -> b.bucket("sealed").key("kms").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("sdk-key"), RequestBody.fromString("sealed by kms"));
        assertEquals(ServerSideEncryption.AWS_KMS, kms.serverSideEncryption());
        assertEquals(arn, kms.ssekmsKeyId());
        assertEquals("sealed by kms", alice.getObjectAsBytes(b -> b.bucket("sealed").key("kms")).asUtf8String());
        assertTrue(server.kms().audit().stream().anyMatch(e -> e.keyArn().equals(arn) && e.operation().equals("Decrypt")));
    }

    @Test
    void sseCHeadersThroughTheSdk() {
        alice.createBucket(b -> b.bucket("customer"));
        byte[] key = "an AES-256 key of 32 bytes!!!!!!".getBytes(StandardCharsets.US_ASCII);
        String k = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(ETags.md5(key));
        PutObjectResponse put = alice.putObject(b -> b.bucket("customer").key("c").sseCustomerAlgorithm("AES256").sseCustomerKey(k)
                .sseCustomerKeyMD5(md5), RequestBody.fromString("customer secret"));
        assertEquals(md5, put.sseCustomerKeyMD5());
        assertNotEquals("\"" + ETags.hex(ETags.md5("customer secret".getBytes(StandardCharsets.UTF_8))) + "\"", put.eTag());
        assertEquals("customer secret", alice.getObjectAsBytes(b -> b.bucket("customer").key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5)).asUtf8String());
        HeadObjectResponse head = alice.headObject(b -> b.bucket("customer").key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5));
        assertEquals(15L, head.contentLength());
        assertEquals("InvalidRequest", code(() -> alice.getObjectAsBytes(b -> b.bucket("customer").key("c"))));
        byte[] other = "another key, also of 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
        assertEquals("AccessDenied", code(() -> alice.getObjectAsBytes(b -> b.bucket("customer").key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(Base64.getEncoder().encodeToString(other))
                .sseCustomerKeyMD5(Base64.getEncoder().encodeToString(ETags.md5(other))))));
    }

    @Test
    void sseCMultipartUploadsAndCopiesThroughTheSdk() {
        alice.createBucket(b -> b.bucket("customer-mp"));
        byte[] key = "a multipart key of 32 bytes!!!!!".getBytes(StandardCharsets.US_ASCII);
        String k = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(ETags.md5(key));
        String upload = alice.createMultipartUpload(b -> b.bucket("customer-mp").key("big").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5)).uploadId();
        String first = "x".repeat(5 * 1024 * 1024);
        String e1 = alice.uploadPart(b -> b.bucket("customer-mp").key("big").uploadId(upload).partNumber(1).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5), RequestBody.fromString(first)).eTag();
        String e2 = alice.uploadPart(b -> b.bucket("customer-mp").key("big").uploadId(upload).partNumber(2).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5), RequestBody.fromString("end")).eTag();
        alice.completeMultipartUpload(b -> b.bucket("customer-mp").key("big").uploadId(upload).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
        assertEquals("InvalidRequest", code(() -> alice.getObjectAsBytes(b -> b.bucket("customer-mp").key("big"))));
        assertEquals(first + "end", alice.getObjectAsBytes(b -> b.bucket("customer-mp").key("big").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(k).sseCustomerKeyMD5(md5)).asUtf8String());

        CopyObjectResponse copy = alice.copyObject(b -> b.sourceBucket("customer-mp").sourceKey("big").destinationBucket("customer-mp")
                .destinationKey("big-s3").copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(k)
                .copySourceSSECustomerKeyMD5(md5).serverSideEncryption(ServerSideEncryption.AES256));
        assertEquals(ServerSideEncryption.AES256, copy.serverSideEncryption());
        assertEquals(first + "end", alice.getObjectAsBytes(b -> b.bucket("customer-mp").key("big-s3")).asUtf8String());
    }
}

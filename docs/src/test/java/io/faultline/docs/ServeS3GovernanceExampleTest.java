package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.serve.s3.tls.Tls;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.crypto.KmsEvent;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ReplicationStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The code of "S3 as users meet it" (docs/s3-access-and-governance.adoc): access control,
 * encryption, notifications, replication, website hosting and access logs on
 * {@code faultline serve s3}, through the AWS SDK for Java v2.
 */
class ServeS3GovernanceExampleTest {
    static S3Server server;
    static S3Client s3;
    static S3Client anonymous;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(new AccessKey("faultline", "faultline-secret", "default"))));
        s3 = client(StaticCredentialsProvider.create(AwsBasicCredentials.create("faultline", "faultline-secret")));
        anonymous = client(AnonymousCredentialsProvider.create());
    }

    static S3Client client(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void stop() {
        s3.close();
        anonymous.close();
        server.close();
    }

    @Test
    void accessControl() {
        // tag::access[]
        // A new bucket is private, with ACLs disabled and Block Public Access on, as in S3 since 2023.
        s3.createBucket(b -> b.bucket("reports"));
        S3Exception refused = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("reports").key("q1.csv")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("1,2,3")));
        assertEquals("AccessControlListNotSupported", refused.awsErrorDetails().errorCode());

        // A bucket policy opens one prefix to everyone, once Block Public Access allows public policies.
        s3.putObject(b -> b.bucket("reports").key("public/q1.csv"), RequestBody.fromString("1,2,3"));
        s3.deletePublicAccessBlock(b -> b.bucket("reports"));
        s3.putBucketPolicy(b -> b.bucket("reports").policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::reports/public/*"},
                  {"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject",
                   "Resource": "arn:aws:s3:::reports/*"}]}"""));
        assertEquals("1,2,3", anonymous.getObjectAsBytes(b -> b.bucket("reports").key("public/q1.csv")).asUtf8String());
        // The explicit deny wins, even over the owner.
        assertThrows(S3Exception.class, () -> s3.deleteObject(b -> b.bucket("reports").key("public/q1.csv")));

        // ACLs work on a bucket whose Object Ownership leaves them enabled.
        s3.createBucket(b -> b.bucket("legacy-acls").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        s3.deletePublicAccessBlock(b -> b.bucket("legacy-acls"));
        s3.putObject(b -> b.bucket("legacy-acls").key("logo.png").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("png"));
        assertEquals("png", anonymous.getObjectAsBytes(b -> b.bucket("legacy-acls").key("logo.png")).asUtf8String());
        // end::access[]
    }

    @Test
    void encryption() throws Exception {
        // tag::https[]
        // SSE-C needs HTTPS, as in S3: a server with a certificate generated at start (`--tls`), and an
        // SDK client that trusts that certificate.
        try (S3Server server = S3Server.start(ServeConfig.loopback(Credentials.of(new AccessKey("faultline", "faultline-secret",
                "default"))).withTls(new Tls.SelfSigned()));
             S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("faultline", "faultline-secret")))
                     .httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(server::trustManagers).build())
                     .build()) {
            // end::https[]
            encryption(server, s3);
        }
    }

    static void encryption(S3Server server, S3Client s3) throws Exception {
        s3.createBucket(b -> b.bucket("vault"));
        // tag::encryption[]
        // SSE-S3: the ETag is the MD5 of the plaintext; the stored bytes are AES-GCM ciphertext.
        s3.putObject(b -> b.bucket("vault").key("a.txt").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("sealed"));

        // SSE-KMS: a key of the simulated KMS; every use of it is in the audit trail.
        String keyArn = server.kms().createKey("default", "orders");
        s3.putObject(b -> b.bucket("vault").key("b.txt").serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("orders"),
                RequestBody.fromString("sealed by KMS"));
        s3.getObjectAsBytes(b -> b.bucket("vault").key("b.txt"));
        List<KmsEvent> uses = server.kms().audit();   // GenerateDataKey, then Decrypt: who, when, which key

        // SSE-C: the customer's key on every GET and HEAD; without it, 400; with another, 403.
        byte[] key = "a customer key of 32 bytes, ok!!".getBytes(StandardCharsets.US_ASCII);
        String k = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        s3.putObject(b -> b.bucket("vault").key("c.txt").sseCustomerAlgorithm("AES256").sseCustomerKey(k).sseCustomerKeyMD5(md5),
                RequestBody.fromString("only with my key"));
        String back = s3.getObjectAsBytes(b -> b.bucket("vault").key("c.txt").sseCustomerAlgorithm("AES256").sseCustomerKey(k)
                .sseCustomerKeyMD5(md5)).asUtf8String();

        // Default encryption: a PUT that asks for nothing gets SSE-S3, or the bucket's default, here SSE-KMS.
        ServerSideEncryption plain = s3.putObject(b -> b.bucket("vault").key("d.txt"), RequestBody.fromString("sealed anyway"))
                .serverSideEncryption();   // AES256
        s3.putBucketEncryption(b -> b.bucket("vault").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("orders")))));
        ServerSideEncryption byDefault = s3.putObject(b -> b.bucket("vault").key("e.txt"), RequestBody.fromString("sealed by KMS"))
                .serverSideEncryption();   // AWS_KMS, with the key "orders"
        // end::encryption[]
        assertEquals(ServerSideEncryption.AES256, plain);
        assertEquals(ServerSideEncryption.AWS_KMS, byDefault);
        assertEquals("only with my key", back);
        assertEquals(List.of("GenerateDataKey", "Decrypt"), uses.stream().filter(e -> e.keyArn().equals(keyArn)).map(KmsEvent::operation).toList());
        assertEquals(400, assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("vault").key("c.txt"))).statusCode());
    }

    @Test
    void notifications() throws Exception {
        s3.createBucket(b -> b.bucket("inbox"));
        // tag::notifications[]
        String queue = "arn:aws:sqs:us-east-1:default:new-uploads";
        s3.putBucketNotificationConfiguration(b -> b.bucket("inbox").notificationConfiguration(n -> n.queueConfigurations(
                q -> q.id("uploads").queueArn(queue).events(Event.S3_OBJECT_CREATED))));
        for (int i = 0; i < 5; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("inbox").key("mail-" + n), RequestBody.fromString("message " + n));
        }
        // A copy, from this bucket or another, is an ObjectCreated:Copy event.
        s3.copyObject(b -> b.sourceBucket("inbox").sourceKey("mail-0").destinationBucket("inbox").destinationKey("kept/mail-0"));
        // Deliveries come later, at least once, in no set order: the sequencer orders each key's events.
        List<Delivery> received = awaitDeliveries(queue, 6);
        // The queue's messages: first the s3:TestEvent S3 sends when a configuration names the queue,
        // then S3's JSON event for each delivery: Records[0].eventName, .userIdentity.principalId,
        // .responseElements["x-amz-request-id"], .s3.object.key, .s3.object.sequencer, ...
        List<String> messages = server.messages(queue);
        JsonNode test = new ObjectMapper().readTree(messages.get(0));           // "Event": "s3:TestEvent"
        JsonNode record = new ObjectMapper().readTree(messages.get(1)).get("Records").get(0);
        // end::notifications[]
        assertEquals("s3:TestEvent", test.get("Event").asText(), test.toString());
        assertEquals(6, received.stream().map(d -> d.event().sequencer()).distinct().count(), received.toString());
        assertEquals(received.get(0).event().key(), record.get("s3").get("object").get("key").asText());
        assertEquals(received.get(0).event().sequencer(), record.get("s3").get("object").get("sequencer").asText());
        assertEquals("default", record.get("userIdentity").get("principalId").asText(), "the account that signed");
        assertEquals(List.of("ObjectCreated:Copy"), received.stream().filter(d -> d.event().key().equals("kept/mail-0"))
                .map(d -> d.event().eventName()).distinct().toList());
    }

    static List<Delivery> awaitDeliveries(String arn, int distinct) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (server.deliveries(arn).stream().map(d -> d.event().sequencer()).distinct().count() < distinct
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return server.deliveries(arn);
    }

    @Test
    void replication() throws Exception {
        // tag::replication[]
        s3.createBucket(b -> b.bucket("primary"));
        s3.createBucket(b -> b.bucket("backup"));
        s3.putBucketVersioning(b -> b.bucket("primary").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putObject(b -> b.bucket("primary").key("old.txt"), RequestBody.fromString("before the rule: never replicated"));
        s3.putBucketReplication(b -> b.bucket("primary").replicationConfiguration(c -> c.role("arn:aws:iam::default:role/replication")
                .rules(r -> r.id("everything").status("Enabled").filter(f -> f.prefix("")).priority(1)
                        .deleteMarkerReplication(d -> d.status("Disabled")).destination(d -> d.bucket("arn:aws:s3:::backup")))));
        s3.putObject(b -> b.bucket("primary").key("new.txt"), RequestBody.fromString("after the rule"));
        ReplicationStatus status = s3.headObject(b -> b.bucket("primary").key("new.txt")).replicationStatus();   // PENDING, later COMPLETED
        // end::replication[]
        assertTrue(status == ReplicationStatus.PENDING || status == ReplicationStatus.COMPLETED, String.valueOf(status));
        long deadline = System.currentTimeMillis() + 120_000;
        while (s3.headObject(b -> b.bucket("primary").key("new.txt")).replicationStatus() != ReplicationStatus.COMPLETED
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("after the rule", s3.getObjectAsBytes(b -> b.bucket("backup").key("new.txt")).asUtf8String());
        assertEquals(ReplicationStatus.REPLICA, s3.headObject(b -> b.bucket("backup").key("new.txt")).replicationStatus());
        assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("backup").key("old.txt")));
    }

    @Test
    void websiteHosting() throws Exception {
        // tag::website[]
        s3.createBucket(b -> b.bucket("www"));
        s3.deletePublicAccessBlock(b -> b.bucket("www"));
        s3.putBucketPolicy(b -> b.bucket("www").policy("{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::www/*\"}]}"));
        s3.putObject(b -> b.bucket("www").key("index.html"), RequestBody.fromString("<h1>Hello</h1>"));
        s3.putObject(b -> b.bucket("www").key("404.html"), RequestBody.fromString("<h1>Not here</h1>"));
        s3.putBucketWebsite(b -> b.bucket("www").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(e -> e.key("404.html"))));
        // The website endpoint: http://www.s3-website.localhost:PORT/
        String home = website("www", "/");
        // end::website[]
        assertTrue(home.startsWith("HTTP/1.1 200") && home.contains("<h1>Hello</h1>"), home);
        String missing = website("www", "/nope.html");
        assertTrue(missing.startsWith("HTTP/1.1 404") && missing.contains("<h1>Not here</h1>"), missing);
    }

    /** GET on the website endpoint, naming the bucket in the Host header as a browser would. */
    static String website(String bucket, String path) throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + bucket + ".s3-website.localhost:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void accessLogs() {
        // tag::logs[]
        s3.createBucket(b -> b.bucket("shop"));
        s3.createBucket(b -> b.bucket("shop-logs"));
        s3.putBucketLogging(b -> b.bucket("shop").bucketLoggingStatus(l -> l.loggingEnabled(e -> e.targetBucket("shop-logs")
                .targetPrefix("shop/"))));
        s3.putObject(b -> b.bucket("shop").key("cart.json"), RequestBody.fromString("{}"));
        // A minute later (virtual time, here the wall clock), a log object appears under shop-logs/shop/,
        // one line per request: "- shop [07/Dec/2026:16:00:00 +0000] - - 0000000000000002 REST.PUT.OBJECT cart.json ..."
        // end::logs[]
        assertTrue(s3.getBucketLogging(b -> b.bucket("shop")).loggingEnabled().targetPrefix().equals("shop/"));
    }
}

package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.session.ReplayScenario;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.session.SessionFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ?notification}, {@code ?replication} and {@code ?logging} over HTTP (FIDELITY A16.13 to
 * A16.15): configured through the REST API, recorded in the session, and replayed to the same
 * deliveries; a copy from another bucket (FIDELITY A16.17) is notified as {@code ObjectCreated:Copy},
 * and a client cannot pass a PUT off as a copy.
 */
class GovernanceRestTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:alice:uploads";
    static final String COPIES = "arn:aws:sqs:us-east-1:alice:copies";

    @TempDir
    Path dir;

    static long now() {
        return System.currentTimeMillis();
    }

    static void status(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
    }

    @Test
    void configuredOverRestDeliveredInVirtualTimeAndReplayedTheSame() throws Exception {
        Path sessionFile = dir.resolve("session.jsonl");
        List<Delivery> live;
        List<String> messages;
        String configurationRequest;
        String firstPutRequest = "";
        try (S3Server server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)).withSession(sessionFile))) {
            Signer s3 = new Signer(server.endpoint());
            status(200, s3.signed(Req.of("PUT", "/uploads"), ALICE, now()));
            HttpResponse<String> configured = s3.signed(Req.of("PUT", "/uploads").param("notification", "").body(
                    "<NotificationConfiguration><QueueConfiguration><Id>new-files</Id><Queue>" + QUEUE + "</Queue>"
                    + "<Event>s3:ObjectCreated:*</Event></QueueConfiguration></NotificationConfiguration>"), ALICE, now());
            status(200, configured);
            configurationRequest = configured.headers().firstValue("x-amz-request-id").orElseThrow();
            HttpResponse<String> config = s3.signed(Req.of("GET", "/uploads").param("notification", ""), ALICE, now());
            assertTrue(config.body().contains("<Queue>" + QUEUE + "</Queue>"), config.body());
            status(400, s3.signed(Req.of("PUT", "/uploads").param("notification", "").body("<NotificationConfiguration>"
                    + "<QueueConfiguration><Queue>" + QUEUE + "</Queue><Event>s3:Replication:*</Event></QueueConfiguration>"
                    + "</NotificationConfiguration>"), ALICE, now()));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> put = s3.signed(Req.of("PUT", "/uploads/file-" + i).body("content " + i), ALICE, now());
                status(200, put);
                if (i == 0) {
                    firstPutRequest = put.headers().firstValue("x-amz-request-id").orElseThrow();
                }
            }
            String replication = "<ReplicationConfiguration><Role>arn:aws:iam::alice:role/r</Role><Rule><ID>all</ID>"
                    + "<Status>Enabled</Status><Filter><Prefix></Prefix></Filter><Destination><Bucket>arn:aws:s3:::copies</Bucket>"
                    + "</Destination></Rule></ReplicationConfiguration>";
            HttpResponse<String> unversioned = s3.signed(Req.of("PUT", "/uploads").param("replication", "").body(replication), ALICE, now());
            status(400, unversioned);
            assertTrue(unversioned.body().contains("<Code>InvalidRequest</Code>"), unversioned.body());
            status(200, s3.signed(Req.of("PUT", "/uploads").param("versioning", "")
                    .body("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/copies"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/uploads").param("replication", "").body(replication), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/uploads/replicated").body("copied later"), ALICE, now()));
            HttpResponse<String> head = s3.signed(Req.of("HEAD", "/uploads/replicated"), ALICE, now());
            String state = head.headers().firstValue("x-amz-replication-status").orElse("");
            assertTrue(state.equals("PENDING") || state.equals("COMPLETED"), "x-amz-replication-status: " + state);
            assertFalse(s3.signed(Req.of("HEAD", "/uploads/file-0"), ALICE, now()).headers()
                    .firstValue("x-amz-replication-status").isPresent(), "written before the rule: not replicated");
            status(200, s3.signed(Req.of("PUT", "/uploads").param("logging", "").body("<BucketLoggingStatus><LoggingEnabled>"
                    + "<TargetBucket>copies</TargetBucket><TargetPrefix>logs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>"),
                    ALICE, now()));
            assertTrue(s3.signed(Req.of("GET", "/uploads").param("logging", ""), ALICE, now()).body()
                    .contains("<TargetPrefix>logs/</TargetPrefix>"));
            long deadline = now() + 120_000;
            while (server.deliveries(QUEUE).stream().map(d -> d.event().sequencer()).distinct().count() < 4 && now() < deadline) {
                Thread.sleep(100);
            }
            live = server.deliveries(QUEUE);
            messages = server.messages(QUEUE);
        }
        assertEquals(live.size() + 1, messages.size(), "one message per delivery, and the configuration's test event");
        JsonNode test = new ObjectMapper().readTree(messages.get(0));
        assertEquals("s3:TestEvent", test.get("Event").asText(), test.toString());
        assertEquals("Amazon S3", test.get("Service").asText());
        assertEquals("uploads", test.get("Bucket").asText());
        assertEquals(configurationRequest, test.get("RequestId").asText(), "the id of the request that set the configuration");
        assertFalse(test.has("Records"), test.toString());
        JsonNode record = message(messages, "file-0");
        assertEquals("alice", record.get("userIdentity").get("principalId").asText(), "the account that signed the PUT");
        assertEquals("127.0.0.1", record.get("requestParameters").get("sourceIPAddress").asText());
        assertEquals(firstPutRequest, record.get("responseElements").get("x-amz-request-id").asText(), "the id the PUT was answered with");
        assertEquals(firstPutRequest, record.get("responseElements").get("x-amz-id-2").asText());
        assertEquals("alice", record.get("s3").get("bucket").get("ownerIdentity").get("principalId").asText());
        assertEquals("arn:aws:s3:::uploads", record.get("s3").get("bucket").get("arn").asText());
        assertEquals("2.1", record.get("eventVersion").asText());
        assertEquals("aws:s3", record.get("eventSource").asText());
        assertEquals("ObjectCreated:Put", record.get("eventName").asText());
        assertTrue(record.get("eventTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), record.toString());
        JsonNode s3 = record.get("s3");
        assertEquals("new-files", s3.get("configurationId").asText());
        assertEquals("uploads", s3.get("bucket").get("name").asText());
        assertEquals("file-0", s3.get("object").get("key").asText());
        assertEquals("content 0".length(), s3.get("object").get("size").asLong(), "the plaintext's size, not the stored ciphertext's");
        assertEquals(ETags.hex(ETags.md5("content 0".getBytes(StandardCharsets.UTF_8))), s3.get("object").get("eTag").asText());
        assertFalse(s3.get("object").has("versionId"), "written before versioning was enabled");
        assertTrue(s3.get("object").get("sequencer").asText().matches("[0-9A-F]+"), record.toString());
        JsonNode versioned = message(messages, "replicated");
        assertTrue(versioned.get("s3").get("object").has("versionId"), versioned.toString());
        assertEquals(4, live.stream().map(d -> d.event().sequencer()).distinct().count(), live.toString());
        List<Delivery> again = replayedDeliveries(SessionFile.read(sessionFile), QUEUE);
        assertEquals(live, again.subList(0, Math.min(live.size(), again.size())), "the replay delivers the same events at the same times");
    }

    @Test
    void aCopyFromAnotherBucketIsNotifiedAsACopyAndReplaysTheSame() throws Exception {
        Path sessionFile = dir.resolve("session.jsonl");
        List<Delivery> live;
        List<String> messages;
        String copyRequest;
        try (S3Server server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)).withSession(sessionFile))) {
            Signer s3 = new Signer(server.endpoint());
            status(200, s3.signed(Req.of("PUT", "/originals"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/backups"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/backups").param("notification", "").body("<NotificationConfiguration>"
                    + "<QueueConfiguration><Id>all</Id><Queue>" + COPIES + "</Queue><Event>s3:ObjectCreated:*</Event>"
                    + "</QueueConfiguration></NotificationConfiguration>"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/originals/photo.jpg").body("jpeg bytes"), ALICE, now()));
            HttpResponse<String> copy = s3.signed(Req.of("PUT", "/backups/2026/photo.jpg")
                    .header("x-amz-copy-source", "/originals/photo.jpg"), ALICE, now());
            status(200, copy);
            assertTrue(copy.body().contains("<CopyObjectResult"), copy.body());
            copyRequest = copy.headers().firstValue("x-amz-request-id").orElseThrow();
            assertEquals("jpeg bytes", s3.signed(Req.of("GET", "/backups/2026/photo.jpg"), ALICE, now()).body());
            // A client's own x-faultline-copy-write header is dropped: its PUT is a PUT.
            status(200, s3.signed(Req.of("PUT", "/backups/forged.jpg").header(WireRequest.COPY_WRITE, "originals/photo.jpg")
                    .body("forged"), ALICE, now()));
            long deadline = now() + 120_000;
            while (server.deliveries(COPIES).stream().map(d -> d.event().sequencer()).distinct().count() < 2 && now() < deadline) {
                Thread.sleep(100);
            }
            live = server.deliveries(COPIES);
            messages = server.messages(COPIES);
        }
        Map<String, String> names = live.stream().collect(Collectors.toMap(d -> d.event().key(), d -> d.event().eventName(),
                (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("2026/photo.jpg", "ObjectCreated:Copy", "forged.jpg", "ObjectCreated:Put"), names);
        JsonNode record = message(messages, "2026/photo.jpg");
        assertEquals("ObjectCreated:Copy", record.get("eventName").asText());
        assertEquals(copyRequest, record.get("responseElements").get("x-amz-request-id").asText());
        assertEquals(10, record.get("s3").get("object").get("size").asLong(), "the copy's plaintext size");

        SessionFile.Session session = SessionFile.read(sessionFile);
        List<String> recorded = session.entries().stream().map(e -> e.request().describe()
                + (e.request().copyWrite() ? " (copy of " + e.request().header(WireRequest.COPY_WRITE).get() + ")" : "")).toList();
        assertTrue(recorded.containsAll(List.of("GET /originals/photo.jpg", "PUT /backups/2026/photo.jpg (copy of originals/photo.jpg)",
                "PUT /backups/forged.jpg")), recorded.toString());
        List<Delivery> again = replayedDeliveries(session, COPIES);
        assertEquals(live, again.subList(0, Math.min(live.size(), again.size())), "the replay notifies the copy as a copy");
    }

    /** The deliveries to {@code arn} when {@code session} is replayed in the simulator, ten virtual minutes on. */
    static List<Delivery> replayedDeliveries(SessionFile.Session session, String arn) {
        ServedS3 replayed = ServedS3.live(session.header().seed(), session.header().consistency(), session.header().legacyLagNanos(),
                session.header().startEpochMillis());
        ReplayScenario.replay(replayed, session);
        replayed.cluster().sim().run(replayed.cluster().sim().now() + 10 * io.faultline.sim.Simulation.MINUTES);
        return replayed.gateway().governance().deliveries(arn);
    }

    /** The record of the first event message about {@code key}. */
    static JsonNode message(List<String> messages, String key) throws Exception {
        for (String m : messages) {
            JsonNode records = new ObjectMapper().readTree(m).get("Records");
            if (records != null && records.get(0).get("s3").get("object").get("key").asText().equals(key)) {
                return records.get(0);
            }
        }
        throw new AssertionError("no event message about " + key + " in " + messages);
    }

    @Test
    void anEncryptedMultipartObjectIsReplicatedAndItsReplicaReadsAsTheSource() throws Exception {
        try (S3Server server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)))) {
            Signer s3 = new Signer(server.endpoint());
            status(200, s3.signed(Req.of("PUT", "/mp-src"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/mp-dst"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/mp-src").param("versioning", "")
                    .body("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"), ALICE, now()));
            status(200, s3.signed(Req.of("PUT", "/mp-src").param("replication", "").body("<ReplicationConfiguration><Role>r</Role>"
                    + "<Rule><ID>all</ID><Status>Enabled</Status><Filter><Prefix></Prefix></Filter><Destination>"
                    + "<Bucket>arn:aws:s3:::mp-dst</Bucket></Destination></Rule></ReplicationConfiguration>"), ALICE, now()));
            HttpResponse<String> created = s3.signed(Req.of("POST", "/mp-src/big.bin").param("uploads", ""), ALICE, now());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<UploadId>([^<]+)</UploadId>").matcher(created.body());
            assertTrue(m.find(), created.body());
            String first = "b".repeat(5 * 1024 * 1024);
            HttpResponse<String> p1 = s3.signed(Req.of("PUT", "/mp-src/big.bin").param("partNumber", "1").param("uploadId", m.group(1))
                    .body(first), ALICE, now());
            HttpResponse<String> p2 = s3.signed(Req.of("PUT", "/mp-src/big.bin").param("partNumber", "2").param("uploadId", m.group(1))
                    .body("tail"), ALICE, now());
            HttpResponse<String> done = s3.signed(Req.of("POST", "/mp-src/big.bin").param("uploadId", m.group(1)).body(
                    "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + p1.headers().firstValue("ETag").get()
                    + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" + p2.headers().firstValue("ETag").get()
                    + "</ETag></Part></CompleteMultipartUpload>"), ALICE, now());
            status(200, done);
            String etag = s3.signed(Req.of("HEAD", "/mp-src/big.bin"), ALICE, now()).headers().firstValue("ETag").orElse("");
            assertTrue(etag.endsWith("-2\""), "a multipart ETag: " + etag);
            long deadline = now() + 120_000;
            while (!s3.signed(Req.of("HEAD", "/mp-src/big.bin"), ALICE, now()).headers().firstValue("x-amz-replication-status")
                    .orElse("").equals("COMPLETED") && now() < deadline) {
                Thread.sleep(100);
            }
            HttpResponse<String> replica = s3.signed(Req.of("GET", "/mp-dst/big.bin"), ALICE, now());
            status(200, replica);
            assertEquals(first + "tail", replica.body(), "the replica opens to the source's plaintext");
            assertEquals("REPLICA", replica.headers().firstValue("x-amz-replication-status").orElse(""));
            assertEquals(etag, replica.headers().firstValue("ETag").orElse(""), "a replica shows its source's ETag");
            assertEquals("AES256", replica.headers().firstValue("x-amz-server-side-encryption").orElse(""));
        }
    }
}

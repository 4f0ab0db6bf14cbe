package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.session.ReplayScenario;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.session.SessionFile;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy over HTTP (FIDELITY A16.13, A16.17): from another bucket, notified as
 * {@code ObjectCreated:Copy}, recorded as the GET of its source and the marked PUT of its target,
 * and replayed to the same notifications; a client cannot pass a PUT off as a copy.
 */
class CopyRestTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:alice:copies";

    @TempDir
    Path dir;

    static long now() {
        return System.currentTimeMillis();
    }

    static void status(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
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
                    + "<QueueConfiguration><Id>all</Id><Queue>" + QUEUE + "</Queue><Event>s3:ObjectCreated:*</Event>"
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
            while (server.deliveries(QUEUE).stream().map(d -> d.event().sequencer()).distinct().count() < 2 && now() < deadline) {
                Thread.sleep(100);
            }
            live = server.deliveries(QUEUE);
            messages = server.messages(QUEUE);
        }
        Map<String, String> names = live.stream().collect(Collectors.toMap(d -> d.event().key(), d -> d.event().eventName(),
                (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("2026/photo.jpg", "ObjectCreated:Copy", "forged.jpg", "ObjectCreated:Put"), names);
        JsonNode record = GovernanceRestTest.message(messages, "2026/photo.jpg");
        assertEquals("ObjectCreated:Copy", record.get("eventName").asText());
        assertEquals(copyRequest, record.get("responseElements").get("x-amz-request-id").asText());
        assertEquals(10, record.get("s3").get("object").get("size").asLong(), "the copy's plaintext size");

        SessionFile.Session session = SessionFile.read(sessionFile);
        List<String> recorded = session.entries().stream().map(e -> e.request().describe()
                + (e.request().copyWrite() ? " (copy of " + e.request().header(WireRequest.COPY_WRITE).get() + ")" : "")).toList();
        assertTrue(recorded.containsAll(List.of("GET /originals/photo.jpg", "PUT /backups/2026/photo.jpg (copy of originals/photo.jpg)",
                "PUT /backups/forged.jpg")), recorded.toString());
        ServedS3 replayed = ServedS3.live(session.header().seed(), session.header().consistency(), session.header().legacyLagNanos(),
                session.header().startEpochMillis());
        ReplayScenario.replay(replayed, session);
        replayed.cluster().sim().run(replayed.cluster().sim().now() + 10 * io.faultline.sim.Simulation.MINUTES);
        List<Delivery> again = replayed.gateway().governance().deliveries(QUEUE);
        assertEquals(live, again.subList(0, Math.min(live.size(), again.size())), "the replay notifies the copy as a copy");
    }
}

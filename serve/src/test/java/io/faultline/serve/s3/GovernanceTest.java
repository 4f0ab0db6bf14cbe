package io.faultline.serve.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.models.s3.governance.Governance;
import io.faultline.models.s3.governance.LoggingTarget;
import io.faultline.models.s3.governance.NotificationTarget;
import io.faultline.models.s3.governance.ReplicationRule;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Notifications, replication and access logs in virtual time (FIDELITY A16.13 to A16.15), driven
 * through the gateway host as the live server and the replay drive it: deterministic per seed.
 */
class GovernanceTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:alice:uploads";
    static final String FUNCTION = "arn:aws:lambda:us-east-1:alice:function:thumbnail";

    /** The served model, its simulation started. */
    static final class Run {
        final ServedS3 m;
        final Simulation sim;

        Run(long seed) {
            m = ServedS3.live(seed, ConsistencyMode.STRONG, ServedS3.DEFAULT_LEGACY_LAG_NANOS, 1_700_000_000_000L);
            sim = m.cluster().sim();
            sim.run(0);
        }

        S3Result<?> call(S3Request r) {
            List<S3Result<?>> answer = new ArrayList<>();
            m.gateway().submit(r, answer::add);
            sim.runUntil(() -> !answer.isEmpty(), sim.now() + 10 * Simulation.SECONDS);
            assertEquals(1, answer.size(), "no answer to " + r);
            return answer.get(0);
        }

        S3Result<?> put(String bucket, String key, String body) {
            return call(new S3Request.PutObject(bucket, key, Body.of(body), WriteConditions.none()));
        }

        static S3Request.GetObject get(String bucket, String key) {
            return new S3Request.GetObject(bucket, key, Optional.empty(), Conditions.none(), ByteRange.NONE);
        }

        Governance gov() {
            return m.gateway().governance();
        }

        void waitFor(long nanos) {
            sim.run(sim.now() + nanos);
        }
    }

    @Test
    void notificationsArriveAtLeastOnceWithASequencerThatOrdersEachKey() {
        Run r = new Run(11);
        r.call(new S3Request.CreateBucket("photos"));
        r.gov().configureNotifications("photos", List.of(
                new NotificationTarget("to-queue", NotificationTarget.Kind.QUEUE, QUEUE, List.of("s3:ObjectCreated:*"), "raw/", ""),
                new NotificationTarget("to-fn", NotificationTarget.Kind.FUNCTION, FUNCTION, List.of("s3:ObjectRemoved:*"), "", "")));
        List<Delivery> handled = new ArrayList<>();
        r.gov().onFunction(FUNCTION, handled::add);
        for (int i = 0; i < 40; i++) {
            r.put("photos", "raw/" + (i % 4) + ".jpg", "v" + i);
        }
        r.put("photos", "other/x.jpg", "not under raw/");
        r.call(new S3Request.DeleteObject("photos", "raw/0.jpg", Optional.empty()));
        r.waitFor(5 * Simulation.MINUTES);
        List<Delivery> queued = r.gov().deliveries(QUEUE);
        long distinct = queued.stream().map(d -> d.event().sequencer()).distinct().count();
        assertEquals(40, distinct, "every matching write is notified at least once");
        assertTrue(queued.stream().allMatch(d -> d.event().key().startsWith("raw/") && d.event().eventName().equals("ObjectCreated:Put")));
        assertTrue(queued.stream().allMatch(d -> d.deliveredAt() > d.event().eventTime()), "delivery comes after the change");
        List<String> sequencers = queued.stream().map(d -> d.event().sequencer()).toList();
        assertFalse(sequencers.equals(sequencers.stream().sorted().toList()), "deliveries are not in write order (seed 11)");
        for (int k = 0; k < 4; k++) {
            String key = "raw/" + k + ".jpg";
            List<Delivery> ofKey = queued.stream().filter(d -> d.event().key().equals(key)).toList();
            Delivery newest = ofKey.stream().max(Comparator.comparing(d -> d.event().sequencer())).orElseThrow();
            assertEquals("v" + (36 + k), valueOf(r, newest), "the greatest sequencer names the key's last write");
        }
        assertEquals(1, handled.size(), handled.toString());
        assertEquals("ObjectRemoved:Delete", handled.get(0).event().eventName());
        assertEquals(handled, r.gov().deliveries(FUNCTION));
    }

    /** The value written by the PUT whose event this is (its ETag names it). */
    static String valueOf(Run r, Delivery d) {
        for (int i = 0; i < 40; i++) {
            if (io.faultline.models.s3.api.ETags.hex(io.faultline.models.s3.api.ETags.md5(("v" + i).getBytes())).equals(d.event().etag())) {
                return "v" + i;
            }
        }
        return "?";
    }

    @Test
    void aDuplicateDeliveryHappensAndKeepsItsSequencer() {
        Run r = new Run(3);
        assertTrue(r.call(new S3Request.CreateBucket("bkt")).isOk());
        r.gov().configureNotifications("bkt", List.of(new NotificationTarget("q", NotificationTarget.Kind.QUEUE, QUEUE,
                List.of("s3:ObjectCreated:Put"), "", "")));
        for (int i = 0; i < 200; i++) {
            r.put("bkt", "k" + i, "x");
        }
        r.waitFor(5 * Simulation.MINUTES);
        List<Delivery> all = r.gov().deliveries(QUEUE);
        List<Delivery> copies = all.stream().filter(d -> d.copy() == 2).toList();
        assertFalse(copies.isEmpty(), "at-least-once: some event arrives twice (seed 3, 200 writes, 2% each); deliveries: " + all.size());
        assertTrue(copies.stream().allMatch(c -> all.stream().anyMatch(d -> d.copy() == 1 && d.event().equals(c.event()))));
    }

    @Test
    void replicationCopiesNewObjectsLaterAndMarksBothSides() {
        Run r = new Run(5);
        r.call(new S3Request.CreateBucket("src"));
        r.call(new S3Request.CreateBucket("dst"));
        PutObjectResponse before = (PutObjectResponse) r.put("src", "docs/old.txt", "written before the rule").orThrow();
        r.gov().configureReplication("src", List.of(new ReplicationRule("all-docs", "docs/", "dst")));
        PutObjectResponse after = (PutObjectResponse) r.put("src", "docs/new.txt", "written after the rule").orThrow();
        r.put("src", "tmp/skip.txt", "outside the prefix");
        assertEquals(Optional.of("PENDING"), r.gov().replicationStatus("src", "docs/new.txt", after.etag()));
        assertTrue(r.call(Run.get("dst", "docs/new.txt")).failureOrThrow().error().code().equals("NoSuchKey"),
                "replication is asynchronous: not there at once");
        r.waitFor(15 * Simulation.MINUTES);
        assertEquals(Optional.of("COMPLETED"), r.gov().replicationStatus("src", "docs/new.txt", after.etag()));
        assertEquals(Optional.of("REPLICA"), r.gov().replicationStatus("dst", "docs/new.txt", after.etag()));
        assertEquals(Optional.empty(), r.gov().replicationStatus("src", "docs/old.txt", before.etag()));
        GetObjectResponse copy = (GetObjectResponse) r.call(Run.get("dst", "docs/new.txt")).orThrow();
        assertEquals("written after the rule", ((Body.Bytes) copy.body()).utf8());
        ListObjectsV2Response dst = (ListObjectsV2Response) r.call(new S3Request.ListObjectsV2("dst", ListObjectsV2Request.all())).orThrow();
        assertEquals(List.of("docs/new.txt"), dst.keys(), "only the new object under the prefix is replicated");
        assertTrue(r.gov().writtenKeys().contains("dst/docs/new.txt"));
    }

    @Test
    void copiesAndCompletedMultipartUploadsAreReplicatedTooFromTheirVersion() {
        Run r = new Run(6);
        r.call(new S3Request.CreateBucket("src"));
        r.call(new S3Request.CreateBucket("dst"));
        r.gov().configureReplication("src", List.of(new ReplicationRule("all", "", "dst")));
        r.put("src", "original.txt", "copied bytes");
        PutObjectResponse copied = (PutObjectResponse) r.call(new S3Request.CopyObject("src", "original.txt", Optional.empty(),
                "copy.txt", Optional.empty())).orThrow();
        String upload = (String) r.call(new S3Request.CreateMultipartUpload("src", "big.bin", Optional.empty())).orThrow();
        String first = "a".repeat(5 * 1024 * 1024);
        String p1 = (String) r.call(new S3Request.UploadPart("src", "big.bin", upload, 1, Body.of(first))).orThrow();
        String p2 = (String) r.call(new S3Request.UploadPart("src", "big.bin", upload, 2, Body.of("tail"))).orThrow();
        PutObjectResponse completed = (PutObjectResponse) r.call(new S3Request.CompleteMultipartUpload("src", "big.bin", upload,
                List.of(new CompletedPart(1, p1), new CompletedPart(2, p2)), WriteConditions.none())).orThrow();
        assertEquals(Optional.of("PENDING"), r.gov().replicationStatus("src", "copy.txt", copied.etag()));
        assertEquals(Optional.of("PENDING"), r.gov().replicationStatus("src", "big.bin", completed.etag()));
        r.waitFor(15 * Simulation.MINUTES);
        assertEquals(Optional.of("COMPLETED"), r.gov().replicationStatus("src", "copy.txt", copied.etag()));
        assertEquals(Optional.of("COMPLETED"), r.gov().replicationStatus("src", "big.bin", completed.etag()));
        GetObjectResponse copy = (GetObjectResponse) r.call(Run.get("dst", "copy.txt")).orThrow();
        assertEquals("copied bytes", ((Body.Bytes) copy.body()).utf8());
        GetObjectResponse big = (GetObjectResponse) r.call(Run.get("dst", "big.bin")).orThrow();
        assertEquals(first + "tail", ((Body.Bytes) big.body()).utf8());
        assertEquals(Optional.of("REPLICA"), r.gov().replicationStatus("dst", "big.bin", big.info().etag()));
        assertEquals(Optional.of(completed.etag()), r.gov().replicaSourceEtag("dst", "big.bin", big.info().etag()),
                "a replica written by a PUT knows the multipart ETag of its source");
        assertTrue(r.gov().writtenKeys().containsAll(List.of("dst/copy.txt", "dst/big.bin")));
    }

    @Test
    void accessLogsArriveLateAsObjectsInTheDocumentedFormat() {
        Run r = new Run(9);
        r.call(new S3Request.CreateBucket("site"));
        r.call(new S3Request.CreateBucket("logs"));
        r.gov().configureLogging("site", Optional.of(new LoggingTarget("logs", "site/")));
        r.put("site", "index.html", "<h1>hi</h1>");
        r.call(Run.get("site", "index.html"));
        r.call(Run.get("site", "missing.html"));
        ListObjectsV2Response early = (ListObjectsV2Response) r.call(new S3Request.ListObjectsV2("logs", ListObjectsV2Request.all())).orThrow();
        assertTrue(early.keys().isEmpty(), "logs are delivered late, not at once");
        r.waitFor(5 * Simulation.MINUTES);
        ListObjectsV2Response logs = (ListObjectsV2Response) r.call(new S3Request.ListObjectsV2("logs", ListObjectsV2Request.all())).orThrow();
        assertEquals(1, logs.keys().size(), logs.keys().toString());
        assertTrue(logs.keys().get(0).matches("site/\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9A-F]{16}"), logs.keys().get(0));
        String text = ((Body.Bytes) ((GetObjectResponse) r.call(Run.get("logs", logs.keys().get(0))).orThrow()).body()).utf8();
        String[] lines = text.strip().split("\n");
        assertEquals(3, lines.length, text);
        assertTrue(lines[0].matches("- site \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000\\] - - [0-9A-F]{16} REST\\.PUT\\.OBJECT index\\.html "
                + "\"PUT /site/index\\.html HTTP/1\\.1\" 200 - .*"), lines[0]);
        assertTrue(lines[1].contains(" REST.GET.OBJECT index.html ") && lines[1].contains(" 200 - 11 "), lines[1]);
        assertTrue(lines[2].contains(" 404 NoSuchKey "), lines[2]);
        assertTrue(r.m.gateway().judgedHistory().toString().contains("site/index.html"));
        assertFalse(r.m.gateway().judgedHistory().toString().contains("logs/site/"), "log objects are no client's writes");
    }

    @Test
    void theSameSeedGivesTheSameDeliveries() {
        List<Delivery> once = deliveries(21);
        assertEquals(20, once.stream().map(d -> d.event().sequencer()).distinct().count(), once.toString());
        assertEquals(once, deliveries(21));
    }

    static List<Delivery> deliveries(long seed) {
        Run r = new Run(seed);
        assertTrue(r.call(new S3Request.CreateBucket("bkt")).isOk());
        r.gov().configureNotifications("bkt", List.of(new NotificationTarget("q", NotificationTarget.Kind.QUEUE, QUEUE,
                List.of("s3:ObjectCreated:*"), "", "")));
        for (int i = 0; i < 20; i++) {
            r.put("bkt", "k" + i % 3, "v" + i);
        }
        r.waitFor(5 * Simulation.MINUTES);
        return r.gov().deliveries(QUEUE);
    }
}

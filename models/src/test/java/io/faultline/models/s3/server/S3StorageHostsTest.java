package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.store.BlobRef;
import io.faultline.models.s3.store.StoredObject;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Object bytes live on storage hosts, apart from the metadata index (issue #4's architecture): a
 * PUT is acknowledged once 2 of the blob's 3 hosts fsynced it (FIDELITY A15: data across at least
 * 3 AZs), a GET reads the bytes from any holder, and a GET that reaches no holder answers 503
 * rather than other bytes (A1.3: strong read-after-write).
 */
class S3StorageHostsTest {
    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static S3Request put(String key, String value) {
        return new S3Request.PutObject("bk", key, Body.of(value), WriteConditions.none());
    }

    private static S3Request get(String key) {
        return new S3Request.GetObject("bk", key, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    private static ScriptRunner run(S3Cluster c, String name, long forNanos, List<Function<List<S3Result<?>>, S3Request>> steps) {
        Host h = c.sim().addHost(name, self -> new ScriptRunner(c.frontEnds().get(0).id(), steps));
        c.sim().run(c.sim().now() + forNanos);
        ScriptRunner s = h.process(ScriptRunner.class).orElseThrow();
        assertTrue(s.done(), name + " finished: " + s.results());
        return s;
    }

    /** The blob the index names for the current version of {@code key}, read off one index replica. */
    private static BlobRef blobOf(S3Cluster c, String key) {
        StoredObject o = c.index().get(0).process(IndexNode.class).orElseThrow().state().key("bk", key)
                .currentObject().orElseThrow();
        assertTrue(o.isLocated(), "the index holds no bytes, only where they are");
        return o.chunks().get(0);
    }

    private static Host storageHost(S3Cluster c, String name) {
        return c.storage().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    private static String utf8(S3Result<?> r) {
        return ((Body.Bytes) ((GetObjectResponse) r.orThrow()).body()).utf8();
    }

    @Test
    void aBlobIsOnThreeHostsAndTheIndexOnlyNamesIt_A15() {
        S3Cluster c = S3Cluster.build(1, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        run(c, "w", 5 * Simulation.SECONDS, List.of(step(put("k", "hello"))));
        BlobRef ref = blobOf(c, "k");
        assertEquals(3, ref.hosts().size(), "copies: " + ref.hosts());
        assertEquals(BlobRef.idOf(Body.of("hello")), ref.id());
        int holders = 0;
        for (Host h : c.storage()) {
            if (h.disk().exists("blob/" + ref.id())) {
                holders++;
            }
        }
        assertEquals(3, holders, "the third copy is sent too, only not waited for");
    }

    @Test
    void aHolderCrashedDuringGetIsSkippedForAnother() {
        for (long seed = 1; seed <= 10; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
            run(c, "w", 5 * Simulation.SECONDS, List.of(step(put("k", "v1"))));
            Host first = storageHost(c, blobOf(c, "k").hosts().get(0));
            // The GET leaves the client now; the host it would ask first dies before it is asked.
            c.sim().at(c.sim().now() + Simulation.MILLIS / 2, "crash " + first.name(), first::crash);
            ScriptRunner r = run(c, "r", 5 * Simulation.SECONDS, List.of(step(get("k"))));
            assertEquals("v1", utf8(r.results().get(0)), "seed " + seed);
            assertTrue(!first.isUp(), "seed " + seed + ": the first holder was down during the GET");
        }
    }

    @Test
    void noReachableHolderMeans503NeverOtherBytes_A1_3() {
        for (long seed = 1; seed <= 10; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
            run(c, "w", 5 * Simulation.SECONDS, List.of(step(put("k", "old")), step(put("k", "new"))));
            BlobRef ref = blobOf(c, "k");
            for (String h : ref.hosts()) {
                c.sim().network().isolate(storageHost(c, h).id());
            }
            ScriptRunner r = run(c, "r", 5 * Simulation.SECONDS, List.of(step(get("k"))));
            S3Result<?> got = r.results().get(0);
            assertTrue(!got.isOk(), "seed " + seed + ": served bytes without a holder: " + got);
            assertEquals(503, got.failureOrThrow().status(), "seed " + seed);
            c.sim().healAll();
            ScriptRunner after = run(c, "r2", 5 * Simulation.SECONDS, List.of(step(get("k"))));
            assertEquals("new", utf8(after.results().get(0)), "seed " + seed + ": after healing");
        }
    }

    @Test
    void acknowledgedBytesSurviveEveryHolderCrashing() {
        S3Cluster c = S3Cluster.build(2, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        run(c, "w", 5 * Simulation.SECONDS, List.of(step(put("k", "durable"))));
        for (Host h : c.storage()) {
            h.crash();
            h.restart();
        }
        ScriptRunner r = run(c, "r", 5 * Simulation.SECONDS, List.of(step(get("k"))));
        assertEquals("durable", utf8(r.results().get(0)));
    }

    @Test
    void aPutNeedsTwoOfItsThreeHosts() {
        S3Cluster c = S3Cluster.build(3, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        String id = BlobRef.idOf(Body.of("x"));
        List<Host> ranked = new ArrayList<>();
        // Learn the placement from a first PUT, then take two of those hosts away.
        run(c, "w", 5 * Simulation.SECONDS, List.of(step(put("k", "x"))));
        blobOf(c, "k").hosts().forEach(n -> ranked.add(storageHost(c, n)));
        assertEquals(id, blobOf(c, "k").id());
        ranked.get(0).crash();
        ScriptRunner one = run(c, "w1", 5 * Simulation.SECONDS, List.of(step(put("k2", "x"))));
        assertTrue(one.results().get(0).isOk(), "one host down: " + one.results());
        ranked.get(1).crash();
        ScriptRunner two = run(c, "w2", 5 * Simulation.SECONDS, List.of(step(put("k3", "x"))));
        assertEquals(503, two.results().get(0).failureOrThrow().status(), "two of three hosts down");
    }

    @Test
    void largeObjectsStayASizeAndADigest() {
        S3Cluster c = S3Cluster.build(4, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        Body huge = Body.synthetic(5L << 30, "five-gib");
        ScriptRunner s = run(c, "w", 5 * Simulation.SECONDS, List.of(
                step(new S3Request.PutObject("bk", "huge", huge, WriteConditions.none())),
                step(new S3Request.GetObject("bk", "huge", Optional.empty(), Conditions.none(),
                        ByteRange.parse("bytes=100-199")))));
        GetObjectResponse r = (GetObjectResponse) s.results().get(1).orThrow();
        assertEquals(206, r.status());
        assertEquals(huge.slice(100, 199), r.body());
    }

    private static Body filled(int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return Body.of(b);
    }

    /** FIDELITY A4: {@code partNumber=2} of a 3-part upload is exactly part 2's bytes, 206. */
    @Test
    void partNumberServesExactlyThatPart_A4() {
        S3Cluster c = S3Cluster.build(5, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        Body p1 = filled(5 << 20, 'a');
        Body p2 = filled(5 << 20, 'b');
        Body p3 = Body.of("the last part");
        List<Function<List<S3Result<?>>, S3Request>> steps = new ArrayList<>();
        steps.add(step(new S3Request.CreateMultipartUpload("bk", "mp")));
        Function<List<S3Result<?>>, String> id = prev -> (String) prev.get(0).orThrow();
        steps.add(prev -> new S3Request.UploadPart("bk", "mp", id.apply(prev), 1, p1));
        steps.add(prev -> new S3Request.UploadPart("bk", "mp", id.apply(prev), 2, p2));
        steps.add(prev -> new S3Request.UploadPart("bk", "mp", id.apply(prev), 3, p3));
        steps.add(prev -> new S3Request.CompleteMultipartUpload("bk", "mp", id.apply(prev), List.of(
                new CompletedPart(1, p1.etag()), new CompletedPart(2, p2.etag()), new CompletedPart(3, p3.etag())),
                WriteConditions.none()));
        steps.add(step(S3Request.GetObject.part("bk", "mp", 2)));
        steps.add(step(S3Request.GetObject.part("bk", "mp", 3)));
        steps.add(step(S3Request.GetObject.part("bk", "mp", 4)));
        steps.add(step(new S3Request.HeadObject("bk", "mp", Optional.empty(), Conditions.none(), OptionalInt.of(2))));
        steps.add(step(new S3Request.GetObject("bk", "mp", Optional.empty(), Conditions.none(),
                ByteRange.parse("bytes=5242878-5242881"))));
        steps.add(step(new S3Request.GetObject("bk", "mp", Optional.empty(), Conditions.none(),
                ByteRange.parse("bytes=0-1"), OptionalInt.of(1))));
        List<S3Result<?>> r = run(c, "mp", 20 * Simulation.SECONDS, steps).results();
        assertTrue(r.get(4).isOk(), "complete: " + r.get(4));
        GetObjectResponse two = (GetObjectResponse) r.get(5).orThrow();
        assertEquals(206, two.status());
        assertEquals(p2, two.body());
        assertEquals(Optional.of("bytes 5242880-10485759/10485773"), two.contentRange());
        assertEquals(3, two.info().partsCount(), "x-amz-mp-parts-count");
        assertEquals(p3, ((GetObjectResponse) r.get(6).orThrow()).body());
        assertEquals(416, r.get(7).failureOrThrow().status());
        assertEquals("InvalidPartNumber", r.get(7).failureOrThrow().error().code());
        assertEquals(3, ((ObjectInfo) r.get(8).orThrow()).partsCount());
        // A range across the boundary of parts 1 and 2 reads from both parts' blobs.
        assertEquals(Body.of("aabb"), ((GetObjectResponse) r.get(9).orThrow()).body());
        assertEquals(400, r.get(10).failureOrThrow().status(), "a range and a part number together");
    }

    /** An object uploaded in one piece has one part: partNumber=1 is all of it, 2 is 416. */
    @Test
    void aSinglePutObjectHasOnePart_A4() {
        S3Cluster c = S3Cluster.build(6, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
        List<S3Result<?>> r = run(c, "s", 5 * Simulation.SECONDS, List.of(step(put("k", "whole")),
                step(S3Request.GetObject.part("bk", "k", 1)), step(S3Request.GetObject.part("bk", "k", 2)))).results();
        assertEquals("whole", utf8(r.get(1)));
        assertEquals("InvalidPartNumber", r.get(2).failureOrThrow().error().code());
    }
}

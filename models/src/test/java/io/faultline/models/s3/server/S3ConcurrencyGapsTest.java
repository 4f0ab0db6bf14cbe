package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Conditional writes under concurrency (FIDELITY A7.2) and late bucket configuration (A1.3). */
class S3ConcurrencyGapsTest {
    private static final int SEEDS = 60;

    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static int status(S3Result<?> r) {
        return r instanceof S3Result.Ok<?> ? 200 : r.failureOrThrow().status();
    }

    private static Host script(S3Cluster c, String name, int frontEnd, S3Request... steps) {
        List<Function<List<S3Result<?>>, S3Request>> s =
                java.util.Arrays.stream(steps).map(S3ConcurrencyGapsTest::step).toList();
        return c.sim().addHost(name, self -> new ScriptRunner(c.frontEnds().get(frontEnd).id(), s));
    }

    private static ScriptRunner client(Host h) {
        return h.process(ScriptRunner.class).orElseThrow();
    }

    /**
     * FIDELITY A7.2: of two racing {@code If-None-Match: *} PUTs to one absent key exactly one
     * succeeds (every replica is reachable here); the loser gets 412, or 409
     * ConditionalRequestConflict if they overlapped; a third one after the race gets 412.
     */
    @Test
    void racingIfNoneMatchPutsNeverBothSucceed_A7_2() {
        TreeSet<String> outcomes = new TreeSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 2, List.of("bk")));
            S3Request put1 = new S3Request.PutObject("bk", "k", Body.of("one"), WriteConditions.ifAbsent());
            S3Request put2 = new S3Request.PutObject("bk", "k", Body.of("two"), WriteConditions.ifAbsent());
            Host h1 = c.sim().addHost("w1", self -> new ScriptRunner(c.frontEnds().get(0).id(), List.of(step(put1))));
            Host h2 = c.sim().addHost("w2", self -> new ScriptRunner(c.frontEnds().get(1).id(), List.of(step(put2))));
            c.sim().run(5 * Simulation.SECONDS);
            int a = status(h1.process(ScriptRunner.class).orElseThrow().results().get(0));
            int b = status(h2.process(ScriptRunner.class).orElseThrow().results().get(0));
            List<Integer> both = a <= b ? List.of(a, b) : List.of(b, a);
            assertTrue(!(a == 200 && b == 200), "seed " + seed + ": both conditional PUTs succeeded");
            assertTrue(List.of(200, 409, 412).containsAll(both), "seed " + seed + ": unexpected statuses " + both);
            outcomes.add(both.toString());
            // A conditional PUT after the winner completed sees the key: 412, not 409.
            Host h3 = script(c, "w3", 0, new S3Request.PutObject("bk", "k", Body.of("three"), WriteConditions.ifAbsent()));
            c.sim().run(10 * Simulation.SECONDS);
            assertEquals(412, status(client(h3).results().get(0)), "seed " + seed + ": PUT after the race");
        }
        System.out.println("A7.2 race outcomes (sorted statuses) over seeds 1.." + SEEDS + ": " + outcomes);
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("409")),
                "over " + SEEDS + " seeds no race ended in 409: " + outcomes);
        assertTrue(outcomes.stream().allMatch(o -> o.contains("200")),
                "with every replica reachable one of two racing PUTs succeeds: " + outcomes);
    }

    /**
     * FIDELITY A7.2, the condition is evaluated where the write is ordered: an {@code If-None-Match}
     * PUT and a plain PUT of an absent key that run alongside, neither seeing the other, both
     * succeed; then the conditional one must be ordered first (it found the key absent), so the
     * plain one's content is what stays. Its front-end's clock is far ahead, which with stamps
     * from the clock would order it last, after a state it never checked.
     */
    @Test
    void aConditionalPutIsOrderedBeforeAPlainPutItDidNotSee_A7_2() {
        int bothWon = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 2, List.of("bk")));
            c.frontEnds().get(0).clock().jump(5 * Simulation.SECONDS);
            Host h1 = script(c, "w1", 0, new S3Request.PutObject("bk", "k", Body.of("one"), WriteConditions.ifAbsent()));
            long lag = (seed % 5) * Simulation.MILLIS / 2;
            Host[] h2 = new Host[1];
            c.sim().at(lag, "plain writer", () -> h2[0] = script(c, "w2", 1,
                    new S3Request.PutObject("bk", "k", Body.of("two"), WriteConditions.none())));
            c.sim().run(5 * Simulation.SECONDS);
            int a = status(client(h1).results().get(0));
            int b = status(client(h2[0]).results().get(0));
            if (a != 200 || b != 200) {
                continue;
            }
            bothWon++;
            Host reader = script(c, "r", 1, new S3Request.GetObject("bk", "k", Optional.empty(),
                    io.faultline.models.s3.api.Conditions.none(), io.faultline.models.s3.api.ByteRange.NONE));
            c.sim().run(10 * Simulation.SECONDS);
            S3Result<?> got = client(reader).results().get(0);
            String content = ((Body.Bytes) ((io.faultline.models.s3.api.response.GetObjectResponse)
                    ((S3Result.Ok<?>) got).value()).body()).utf8();
            assertEquals("two", content, "seed " + seed + ": the conditional PUT found the key absent, so the plain PUT follows it");
        }
        assertTrue(bothWon > 0, "no seed had both PUTs succeed: the race was never run");
    }

    /**
     * FIDELITY A1.3: enabling versioning takes effect after a seeded delay ([M2] uniform 0 to 60 s):
     * a PUT right after it may still get no version ID; a PUT 61 s later always gets one.
     */
    @Test
    void versioningReachesPutsWithinSixtySeconds_A1_3() {
        int unversionedEarly = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults(), new ClusterShape(3, 1, List.of("bk")));
            Host earlyHost = script(c, "early", 0,
                    new S3Request.PutBucketVersioning("bk", "Enabled"),
                    new S3Request.PutObject("bk", "k", Body.of("early"), WriteConditions.none()));
            c.sim().run(61 * Simulation.SECONDS);
            Host lateHost = script(c, "late", 0,
                    new S3Request.PutObject("bk", "k", Body.of("late"), WriteConditions.none()));
            c.sim().run(70 * Simulation.SECONDS);
            ScriptRunner early = client(earlyHost);
            ScriptRunner late = client(lateHost);
            assertTrue(early.done() && late.done(), "seed " + seed + ": scripts finished");
            Optional<String> v1 = ((PutObjectResponse) early.results().get(1).orThrow()).versionId();
            Optional<String> v2 = ((PutObjectResponse) late.results().get(0).orThrow()).versionId();
            assertTrue(v2.isPresent() && !v2.get().equals("null"), "seed " + seed + ": PUT after 61 s got " + v2);
            if (v1.isEmpty()) {
                unversionedEarly++;
            }
        }
        System.out.println("A1.3: immediate PUT still unversioned in " + unversionedEarly + " of " + SEEDS + " seeds");
        assertTrue(unversionedEarly > 0, "no seed's immediate PUT was still unversioned");
    }

    /** A delay of 0 makes the change immediate (what the A6 tests use). */
    @Test
    void zeroDelayMakesVersioningImmediate_A1_3() {
        S3Cluster c = S3Cluster.build(3, S3Config.defaults().withBucketConfigDelay(0), new ClusterShape(3, 1, List.of("bk")));
        Host h = script(c, "s", 0, new S3Request.PutBucketVersioning("bk", "Enabled"),
                new S3Request.PutObject("bk", "k", Body.of("x"), WriteConditions.none()));
        c.sim().run(5 * Simulation.SECONDS);
        assertEquals(true, ((PutObjectResponse) client(h).results().get(1).orThrow()).versionId().isPresent());
    }
}

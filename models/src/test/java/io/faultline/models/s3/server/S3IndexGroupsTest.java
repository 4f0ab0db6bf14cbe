package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.scenario.StrongScenario;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The metadata index partitioned by key prefix (issue #4): with 6 index hosts in groups of 3, keys
 * starting "0".."T" live on idx1-3 and the others on idx4-6; each key's quorum is in its own group
 * (FIDELITY A1.3 stays per key), and a LIST reads every group.
 */
class S3IndexGroupsTest {
    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static S3Request put(String key) {
        return new S3Request.PutObject("bk", key, Body.of("v-" + key), WriteConditions.none());
    }

    private static S3Request get(String key) {
        return new S3Request.GetObject("bk", key, Optional.empty(), Conditions.none(), ByteRange.NONE);
    }

    private static S3Cluster cluster(long seed) {
        return S3Cluster.build(seed, S3Config.defaults().withIndexGroupSize(3), new ClusterShape(6, 1, List.of("bk")));
    }

    private static List<S3Result<?>> script(S3Cluster c, String name, S3Request... steps) {
        List<Function<List<S3Result<?>>, S3Request>> s = java.util.Arrays.stream(steps).map(S3IndexGroupsTest::step).toList();
        Host h = c.sim().addHost(name, self -> new ScriptRunner(c.frontEnds().get(0).id(), s));
        c.sim().run(c.sim().now() + 10 * Simulation.SECONDS);
        ScriptRunner sc = h.process(ScriptRunner.class).orElseThrow();
        assertTrue(sc.done(), name + " finished: " + sc.results());
        return sc.results();
    }

    private static boolean holds(Host idx, String key) {
        return !idx.process(IndexNode.class).orElseThrow().state().key("bk", key).equals(KeyState.EMPTY);
    }

    @Test
    void layoutCutsTheKeySpaceByFirstByte() {
        List<HostId> six = List.of(new HostId(0, "a"), new HostId(1, "b"), new HostId(2, "c"), new HostId(3, "d"),
                new HostId(4, "e"), new HostId(5, "f"));
        IndexLayout l = new IndexLayout(six, 3);
        assertEquals(2, l.groupCount());
        assertEquals(0, l.groupOf("0abc"));
        assertEquals(0, l.groupOf("Photos/x"));
        assertEquals(1, l.groupOf("photos/x"));
        assertEquals(1, l.groupOf("\u00e9t\u00e9"));
        assertEquals(List.of(1), l.groupsFor("ph"));
        assertEquals(List.of(0, 1), l.groupsFor(""));
        assertEquals(1, new IndexLayout(six.subList(0, 4), 3).groupCount(), "4 hosts: one group of 4");
    }

    @Test
    void eachKeyLivesInItsGroupAndListSeesBoth() {
        S3Cluster c = cluster(1);
        List<S3Result<?>> r = script(c, "w", put("0-low"), put("z-high"),
                new S3Request.ListObjectsV2("bk", ListObjectsV2Request.all()));
        assertEquals(List.of("0-low", "z-high"), ((ListObjectsV2Response) r.get(2).orThrow()).keys());
        for (int i = 0; i < 6; i++) {
            Host idx = c.index().get(i);
            assertEquals(i < 3, holds(idx, "0-low"), idx.name() + " and 0-low");
            assertEquals(i >= 3, holds(idx, "z-high"), idx.name() + " and z-high");
        }
    }

    @Test
    void aGroupCutOffFailsOnlyItsKeys_A1_3() {
        S3Cluster c = cluster(2);
        script(c, "w", put("0-low"), put("z-high"));
        for (int i = 3; i < 6; i++) {
            c.sim().network().isolate(c.index().get(i).id());
        }
        List<S3Result<?>> r = script(c, "r", get("0-low"), get("z-high"));
        assertEquals("v-0-low", ((Body.Bytes) ((GetObjectResponse) r.get(0).orThrow()).body()).utf8());
        assertEquals(503, r.get(1).failureOrThrow().status(), "z-high's group is unreachable: 503, not stale data");
    }

    @Test
    void aRestartedReplicaRecoversItsGroupsKeysOnly() {
        S3Cluster c = cluster(3);
        script(c, "w", put("0-low"), put("z-high"));
        Host idx5 = c.index().get(4);
        idx5.crash();
        idx5.restart();
        c.sim().run(c.sim().now() + 5 * Simulation.SECONDS);
        assertTrue(holds(idx5, "z-high"), "copied from its group");
        assertTrue(!holds(idx5, "0-low"), "not another group's key");
        assertTrue(c.converged());
    }

    @Test
    void strongScenarioStaysLinearizableWithTwoGroups() {
        for (long seed = 0; seed < 5; seed++) {
            io.faultline.sim.scenario.RunResult r = StrongScenario.SCENARIO.run(StrongScenario.SCENARIO.spec(seed,
                    List.of("s3.index-replicas=6", "keys=6"), Optional.empty()));
            assertEquals(io.faultline.checker.Outcome.VALID, r.outcome(), "seed " + seed + ": " + r.checks());
        }
    }
}

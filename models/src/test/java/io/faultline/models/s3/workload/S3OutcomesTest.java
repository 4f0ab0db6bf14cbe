package io.faultline.models.s3.workload;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Definite (fail) versus indefinite (info) outcomes of S3 writes, as a real client must record them. */
class S3OutcomesTest {

    @Test
    void serverErrorsAfterAWriteMayHaveStartedAreIndefinite() {
        assertTrue(Outcomes.indefinite(S3Failure.of(S3Error.SERVICE_UNAVAILABLE, "deadline")));
        assertTrue(Outcomes.indefinite(S3Failure.of(S3Error.INTERNAL_ERROR, "oops")));
    }

    @Test
    void refusalsBeforeAnyWorkAreDefinite() {
        assertFalse(Outcomes.indefinite(S3Failure.of(S3Error.SLOW_DOWN, "rate")));
        assertFalse(Outcomes.indefinite(S3Failure.of(S3Error.GLACIER_EXPEDITED_RETRIEVAL_NOT_AVAILABLE, "capacity")));
        assertFalse(Outcomes.indefinite(S3Failure.of(S3Error.NO_SUCH_BUCKET, "none")));
        assertFalse(Outcomes.indefinite(S3Failure.of(S3Error.PRECONDITION_FAILED, "412")));
    }

    private static List<Op> onePut(String bucket, boolean cutServers) {
        S3Cluster c = S3Cluster.build(1, S3Config.defaults(), new ClusterShape(3, 1, List.of("data")));
        boolean[] sent = {false};
        ObjectWorkload w = rng -> {
            if (sent[0]) {
                return Optional.empty();
            }
            sent[0] = true;
            return Optional.of(ObjectWorkload.put("k", "v"));
        };
        c.addObjectClient("c1", 0, 0, bucket, w, 2 * Simulation.SECONDS, 0, 10 * Simulation.SECONDS);
        if (cutServers) {
            List<HostId> near = new ArrayList<>(List.of(c.frontEnds().get(0).id(), c.clients().get(0).id()));
            List<HostId> far = new ArrayList<>();
            c.index().forEach(h -> far.add(h.id()));
            c.storage().forEach(h -> far.add(h.id()));
            c.sim().at(0, "cut the front-end from its servers", () -> c.sim().network().partition(List.of(near, far)));
        }
        c.sim().run(5 * Simulation.SECONDS);
        List<Op> ops = new ArrayList<>();
        c.recorder().history().forEach(ops::add);
        return ops;
    }

    /** A PUT answered 503 at the front-end's deadline may have been applied: recorded info, not fail. */
    @Test
    void aPutAnswered503IsRecordedInfo() {
        List<Op> ops = onePut("data", true);
        assertEquals(2, ops.size(), ops.toString());
        assertEquals(OpType.INFO, ops.get(1).type(), ops.toString());
    }

    /** A PUT to a bucket that does not exist is refused before anything happens: fail. */
    @Test
    void aPutToAMissingBucketIsRecordedFail() {
        List<Op> ops = onePut("nope", false);
        assertEquals(2, ops.size(), ops.toString());
        assertEquals(OpType.FAIL, ops.get(1).type(), ops.toString());
    }
}

package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FIDELITY A1.3: a lifecycle configuration is bucket configuration and lags like versioning,
 * creation and deletion, through the one {@code s3.bucket-config-delay}. A rule put half an hour
 * before 00:00 UTC with a delay of up to an hour reaches that night's run (A9.4) on some seeds and
 * only the next night's on others; the GET of the configuration lags the same way.
 */
class LifecycleLagTest {
    private static final long S = Simulation.SECONDS;
    private static final long M = Simulation.MINUTES;
    private static final long H = Simulation.HOURS;
    private static final long D = Simulation.DAYS;
    private static final int SEEDS = 12;

    private static TimedScript.At at(long t, S3Request r) {
        return new TimedScript.At(t, prev -> r);
    }

    @Test
    void aLifecycleConfigurationTakesEffectAfterTheBucketConfigurationDelay_A1_3_A9_4() {
        LifecycleRule rule = LifecycleRule.forPrefix("expire", "").expiration(1);
        long put = 3 * D + 23 * H + 30 * M;
        int lagSeen = 0;
        int nextNight = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            ColdPath cold = ColdPath.defaults();
            S3Cluster c = S3Cluster.build(seed, S3Config.defaults().withBucketConfigDelay(H), cold, new ClusterShape(3, 1, List.of("b")));
            List<TimedScript.At> steps = List.of(
                    at(10 * H, new S3Request.PutObject("b", "k", Body.synthetic(10, "k"), WriteConditions.none())),
                    at(put, new S3Request.PutBucketLifecycleConfiguration("b", List.of(rule))),
                    at(put + S, new S3Request.GetBucketLifecycleConfiguration("b")),
                    at(4 * D - S, new S3Request.GetBucketLifecycleConfiguration("b")),
                    at(put + H + M, new S3Request.GetBucketLifecycleConfiguration("b")),
                    at(5 * D + H, new S3Request.GetObject("b", "k", Optional.empty(), Conditions.none(), ByteRange.NONE)));
            Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
            c.sim().run(6 * D);
            List<S3Result<?>> r = h.process(TimedScript.class).orElseThrow().results();
            assertEquals(steps.size(), r.size(), "seed " + seed + ": every step answered: " + r);
            assertTrue(r.get(1).isOk(), "seed " + seed + ": " + r.get(1));
            if (!r.get(2).isOk()) {
                assertEquals("NoSuchLifecycleConfiguration", r.get(2).failureOrThrow().error().code(), "seed " + seed);
                lagSeen++;
            }
            assertEquals(List.of(rule), r.get(4).orThrow(), "seed " + seed + ": in effect once the delay passed");
            assertEquals("NoSuchKey", r.get(5).failureOrThrow().error().code(), "seed " + seed + ": expired by day 5");
            List<ColdPath.Applied> applied = cold.applied();
            assertEquals(1, applied.size(), "seed " + seed + ": " + applied);
            assertTrue(applied.get(0).action() instanceof LifecycleAction.Expire);
            long runDay = applied.get(0).appliedNanos() / D;
            boolean inEffectBeforeMidnight = r.get(3).isOk();
            assertEquals(inEffectBeforeMidnight ? 4 : 5, runDay,
                    "seed " + seed + ": the run at day 4 00:00 acts only if the rule was in effect then");
            if (runDay == 5) {
                nextNight++;
            }
        }
        System.out.println("A1.3: lifecycle put 30 min before midnight, delay up to 1 h: GET right after missed it in "
                + lagSeen + " of " + SEEDS + " seeds; the first run missed it in " + nextNight);
        assertTrue(lagSeen > 0, "no seed showed the configuration lagging");
        assertTrue(nextNight > 0, "no seed's midnight run missed a configuration still within its delay");
    }
}

package io.faultline.models.s3.server;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The legacy model's restores (FIDELITY A1.2 with A10.2). RestoreObject plans on the object's
 * restore state as one replica has it, like every legacy read: right after a restore was accepted,
 * a replica the write has not reached yet still shows no restore, so a second RestoreObject can get
 * 202 too instead of 409 RestoreAlreadyInProgress. A10.2's "one restore request at a time per
 * object" is the current documentation; AWS never said that legacy metadata reads were consistent
 * (A1.2 lists only what was eventually consistent, and A1.2 [M1] lets reads pick a stale replica),
 * so the model keeps this as the legacy behaviour ([M3]). The writes still converge: the later
 * restore state wins (last writer wins, A1.2 rule 4) and the object is readable once it completes.
 * Strong mode (A1.3) never answers 202 twice.
 */
class LegacyRestoreTest {
    private static final long M = Simulation.MINUTES;
    private static final long H = Simulation.HOURS;
    private static final int SEEDS = 20;

    private static TimedScript.At at(long t, S3Request r) {
        return new TimedScript.At(t, prev -> r);
    }

    private static S3Request restore() {
        return new S3Request.RestoreObject("b", "k", Optional.empty(), 1, RestoreTier.STANDARD);
    }

    /** The answers of: PUT GLACIER, restore, restore again at once, GET six hours later. */
    private static List<S3Result<?>> run(ConsistencyMode mode, long seed, ColdPath cold) {
        List<TimedScript.At> steps = List.of(
                at(H, new S3Request.PutObject("b", "k", Body.synthetic(1 << 20, "k"), WriteConditions.none(),
                        Optional.of("GLACIER"))),
                at(2 * H, restore()),
                at(2 * H, restore()),
                at(8 * H, new S3Request.GetObject("b", "k", Optional.empty(), Conditions.none(), ByteRange.NONE)));
        S3Cluster c = S3Cluster.build(seed, S3Config.defaults().withMode(mode).withBucketConfigDelay(0), cold, new ClusterShape(3, 1, List.of("b")));
        Host h = c.addClient("driver", 0, frontEnd -> new TimedScript(frontEnd, steps));
        c.sim().run(12 * H);
        List<S3Result<?>> r = h.process(TimedScript.class).orElseThrow().results();
        assertEquals(steps.size(), r.size(), "seed " + seed + ": every step answered: " + r);
        return r;
    }

    private static boolean accepted(S3Result<?> r) {
        return r.isOk() && ((RestoreObjectResponse) r.orThrow()).status() == 202;
    }

    @Test
    void aStaleReplicaCanAcceptASecondRestoreInLegacyModeButNeverInStrongMode_A1_2_A10_2() {
        List<Long> twice = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            ColdPath cold = ColdPath.defaults();
            List<S3Result<?>> legacy = run(ConsistencyMode.LEGACY, seed, cold);
            assertTrue(accepted(legacy.get(1)), "seed " + seed + ": the first restore: " + legacy.get(1));
            if (accepted(legacy.get(2))) {
                twice.add(seed);
                assertEquals(2, cold.cost().rows().stream().filter(row -> row.get(0).endsWith("restore requests"))
                        .mapToLong(row -> Long.parseLong(row.get(1).split(" ")[0])).sum(),
                        "seed " + seed + ": both accepted restores are billed");
            } else {
                assertEquals("RestoreAlreadyInProgress", legacy.get(2).failureOrThrow().error().code(), "seed " + seed);
            }
            assertTrue(legacy.get(3).isOk(), "seed " + seed + ": readable once a restore completed: " + legacy.get(3));

            List<S3Result<?>> strong = run(ConsistencyMode.STRONG, seed, ColdPath.defaults());
            assertEquals(409, strong.get(2).failureOrThrow().status(), "seed " + seed + ": strong mode: " + strong.get(2));
        }
        System.out.println("A1.2/A10.2: legacy mode accepted a second restore (202 twice) for seeds " + twice + " of 1.."
                + SEEDS + "; strong mode never did");
        assertTrue(!twice.isEmpty(), "no seed showed the legacy double 202");
    }
}

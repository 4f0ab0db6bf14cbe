package io.faultline.docs;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of docs/s3-consistency.adoc, compiled and run by the build. */
class S3ConsistencyExampleTest {

    @Test
    void legacyBreaksStrongHolds() {
        // tag::legacy-vs-strong[]
        Scenario stale = Scenarios.get("s3/legacy-stale-read");
        RunResult legacy = stale.run(stale.spec(0));                         // s3.consistency=legacy
        RunResult strong = stale.run(stale.spec(0, List.of("s3.consistency=strong"), Optional.empty()));
        // legacy: a GET returned an overwritten value (a stale read), so the history is not linearizable
        assertEquals(Outcome.INVALID, legacy.outcome());
        assertEquals(Outcome.VALID, strong.outcome());
        // end::legacy-vs-strong[]
        legacy.checks().forEach(c -> System.out.println("legacy: " + c));
    }

    @Test
    void theApiOverTheSimulatedNetwork() {
        // tag::api[]
        // Real S3 may take minutes to apply a versioning change (FIDELITY A1.3; the model draws
        // 0-60 s by default); this example applies it at once so the next PUT is versioned.
        S3Config config = S3Config.defaults().withBucketConfigDelay(0);
        S3Cluster cluster = S3Cluster.build(42, config, new ClusterShape(3, 1, List.of("photos")));
        Host driver = cluster.sim().addHost("driver", self -> new ScriptRunner(cluster.frontEnds().get(0).id(),
                List.of(
                        prev -> new S3Request.PutBucketVersioning("photos", "Enabled"),
                        prev -> new S3Request.PutObject("photos", "cat.jpg", Body.of("meow"), WriteConditions.none()),
                        prev -> new S3Request.DeleteObject("photos", "cat.jpg", Optional.empty()),
                        prev -> new S3Request.GetObject("photos", "cat.jpg", Optional.empty(),
                                Conditions.none(), ByteRange.NONE))));
        cluster.sim().run(5 * Simulation.SECONDS);
        List<S3Result<?>> answers = driver.process(ScriptRunner.class).orElseThrow().results();
        S3Failure last = answers.get(3).failureOrThrow();
        // 404 NoSuchKey with x-amz-delete-marker: true (FIDELITY A6.2)
        assertEquals(404, last.status());
        assertTrue(last.deleteMarker());
        // end::api[]
    }
}

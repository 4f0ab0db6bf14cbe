package io.faultline.serve.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway host, driven by hand as the live server and the replay drive it. */
class GatewayTest {
    @Test
    void aSubmittedRequestIsAnsweredAndRecorded() {
        ServedS3 m = ServedS3.live(1, ConsistencyMode.STRONG, ServedS3.DEFAULT_LEGACY_LAG_NANOS, 0);
        Simulation sim = m.cluster().sim();
        sim.run(0);
        List<S3Result<?>> answers = new ArrayList<>();
        m.gateway().submit(new S3Request.CreateBucket("bkt"), answers::add);
        sim.run(sim.now() + Simulation.SECONDS);
        m.gateway().submit(new S3Request.PutObject("bkt", "k", Body.of("v1"), WriteConditions.none()), answers::add);
        sim.run(sim.now() + Simulation.SECONDS);
        assertEquals(2, answers.size(), answers.toString());
        assertTrue(answers.get(1).isOk(), answers.toString());
        assertEquals(2, m.gateway().judgedHistory().size(), m.gateway().judgedHistory().toString());
    }
}

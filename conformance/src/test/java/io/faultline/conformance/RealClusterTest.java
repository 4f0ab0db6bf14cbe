package io.faultline.conformance;

import io.faultline.faults.byteman.BytemanExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the conformance test classes share: one real cluster per class, started with the class's
 * {@code replica.lag.time.max.ms} (a broker setting, so cases that need another value need their
 * own class), closed after the class even when a case fails; Byteman rules a case forgets to close
 * are removed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BytemanExtension.class)
abstract class RealClusterTest {
    private final long lagMs;
    RealCluster cluster;

    RealClusterTest(long lagMs) {
        this.lagMs = lagMs;
    }

    @BeforeAll
    void startCluster() throws Exception {
        cluster = RealCluster.start(lagMs);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}

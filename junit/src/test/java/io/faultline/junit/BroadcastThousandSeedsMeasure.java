package io.faultline.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Measures (never asserts) how long 1,000 seeds of demo/broadcast take through the extension. Run
 * by hand: {@code ./mvnw -o -q -pl junit -am test -Dtest=BroadcastThousandSeedsMeasure
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BroadcastThousandSeedsMeasure {
    @Test
    void measure() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Events e = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BroadcastBenchSamples.class))
                .execute().testEvents();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        System.out.println("[bench] demo/broadcast: " + e.started().count() + " seeds, " + e.failed().count()
                + " failed, " + millis + " ms wall, " + cpuMillis + " ms CPU (all threads), "
                + Runtime.getRuntime().availableProcessors() + " cores, " + Prefetch.threads() + " seed threads, load average "
                + os.getSystemLoadAverage());
    }
}

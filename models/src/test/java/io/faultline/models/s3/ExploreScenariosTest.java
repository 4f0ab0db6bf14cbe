package io.faultline.models.s3;

import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import org.junit.jupiter.api.Test;

class ExploreScenariosTest {
    @Test
    void explore() {
        for (String name : System.getProperty("explore.names", "s3/legacy-stale-read").split(",")) {
            Scenario s = Scenarios.get(name);
            int seeds = Integer.getInteger("explore.seeds", 3);
            for (long seed = 0; seed < seeds; seed++) {
                long t0 = System.nanoTime();
                RunResult r = s.run(s.spec(seed));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println(name + " seed " + seed + " " + r.outcome() + " " + ms + "ms events=" + r.eventCount()
                        + " ops=" + r.history().size() + " faults=" + r.faults().size() + " info="
                        + r.history().ops().stream().filter(o -> o.type() == io.faultline.checker.history.OpType.INFO).count()
                        + " fail=" + r.history().ops().stream().filter(o -> o.type() == io.faultline.checker.history.OpType.FAIL).count());
                if (Boolean.getBoolean("explore.quiet")) {
                    continue;
                }
                r.checks().forEach(c -> System.out.println("   " + c));
                r.tables().forEach(t -> System.out.println("   " + t.rows()));
            }
        }
    }
}

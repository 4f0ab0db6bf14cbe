package io.faultline.docs;

import io.faultline.checker.Outcome;
import io.faultline.faults.FaultSchedule;
import io.faultline.faults.ScheduleShrinker;
import io.faultline.faults.Trial;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures (never asserts) how many reruns shrinking the async register's failures takes, over the
 * first failing seeds. Run by hand (bench/README.md): {@code ./mvnw -o -q -pl docs -am test
 * -Dtest=ShrinkRerunsMeasure -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ShrinkRerunsMeasure {
    private static RunResult run(long seed, FaultSchedule schedule) {
        Trial t = new Trial("async register", seed);
        Register.async(t);
        if (schedule != null) {
            t.schedule(schedule);
        }
        return t.execute();
    }

    private static boolean linearizableFails(RunResult r) {
        for (CheckResult c : r.checks()) {
            if (c.name().equals("linearizable") && c.outcome() == Outcome.INVALID) {
                return true;
            }
        }
        return false;
    }

    @Test
    void measure() {
        List<Integer> reruns = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int failing = 0;
        for (long seed = 1; seed <= 200 && failing < 20; seed++) {
            Trial t = new Trial("async register", seed);
            Register.async(t);
            RunResult first = t.execute();
            if (!linearizableFails(first)) {
                continue;
            }
            failing++;
            long s = seed;
            ScheduleShrinker.Result r = ScheduleShrinker.shrink(t.schedule(), c -> linearizableFails(run(s, c)),
                    t.faultSpace().horizon(), 200);
            reruns.add(r.reruns());
            sizes.add(r.schedule().size());
            System.out.println("[bench] seed " + seed + ": " + t.schedule().size() + " -> " + r.schedule().size()
                    + " events in " + r.reruns() + " reruns: " + r.schedule().render().replace("\n", "; "));
        }
        Collections.sort(reruns);
        System.out.println("[bench] " + failing + " failing seeds; reruns min " + reruns.get(0) + ", median "
                + reruns.get(reruns.size() / 2) + ", max " + reruns.get(reruns.size() - 1)
                + "; shrunk sizes " + sizes);
    }
}

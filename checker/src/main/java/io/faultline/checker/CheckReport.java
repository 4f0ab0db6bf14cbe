package io.faultline.checker;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The result of {@link Linearizability#check}: the verdict, the number of operations checked
 * (after preparation: fail ops dropped), the per-key results (empty when the model was not split),
 * and the wall time.
 *
 * <pre>{@code
 * CheckReport r = Linearizability.check(history, Models.byName("cas-register"), CheckOptions.defaults());
 * System.out.println(r.outcome() + " in " + r.millis() + " ms");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckReport(Verdict verdict, int operations, List<KeyResult> keys, long millis) {
    public CheckReport {
        keys = List.copyOf(keys);
    }

    public Outcome outcome() {
        return verdict.outcome();
    }
}

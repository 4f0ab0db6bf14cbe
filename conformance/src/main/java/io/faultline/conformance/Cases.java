package io.faultline.conformance;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The four conformance cases of issue #8, as workloads. Each takes the
 * {@code replica.lag.time.max.ms} of the cluster it runs on, since that is a broker setting the
 * model must share.
 *
 * <pre>{@code
 * Workload w = Cases.isrShrink(3000);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Cases {
    private Cases() {
    }

    /** acks=all, min.insync.replicas=2, RF 3, unclean election off (FIDELITY F7). */
    private static Map<String, String> safe(long lagMs, String retries, String deliveryTimeoutMs) {
        return Workload.settings("acks", "all", "min.insync.replicas", "2", "unclean.leader.election.enable", "false",
                "replica.lag.time.max.ms", Long.toString(lagMs), "retries", retries,
                "request.timeout.ms", "2000", "delivery.timeout.ms", deliveryTimeoutMs);
    }

    /** Case 1: no faults; the same records at the same offsets, reads bounded by the HW (FIDELITY C1). */
    public static Workload noFaults(long lagMs) {
        return new Workload("c1-no-faults", 3, safe(lagMs, "5", "10000"),
                List.of(new Step.Produce(20), new Step.AwaitIsr(3), new Step.ConsumeAll()));
    }

    /**
     * Case 2: two followers stalled longer than {@code replica.lag.time.max.ms}: the ISR shrinks to
     * the leader (C1); the send made while they lag cannot be acknowledged (the HW does not advance
     * below min ISR, C1/KAFKA-15583) and times out; the next send is refused with
     * NOT_ENOUGH_REPLICAS (C3). No retries, so each send's first error is its outcome.
     */
    public static Workload isrShrink(long lagMs) {
        // tag::isr-shrink[]
        return new Workload("c2-isr-shrink", 3, safe(lagMs, "0", "2500"),
                List.of(new Step.Produce(5), new Step.StallFollowers(2), new Step.Produce(1), new Step.AwaitIsr(1),
                        new Step.Produce(1), new Step.ReleaseStalls(), new Step.AwaitIsr(3), new Step.ConsumeAll()));
        // end::isr-shrink[]
    }

    /** Case 3: the safe configuration with the leader stopped and restarted during the workload: no anomaly (F7). */
    public static Workload safeRestart(long lagMs) {
        return new Workload("c3-safe-restart", 3, safe(lagMs, "2147483647", "30000"),
                List.of(new Step.Produce(10), new Step.StopLeader(), new Step.AwaitNewLeader(), new Step.Produce(10),
                        new Step.RestartStopped(), new Step.AwaitIsr(3), new Step.Produce(10), new Step.ConsumeAll()));
    }

    /**
     * Case 4: acks=1, both followers stalled (for less than {@code replica.lag.time.max.ms}, so they
     * stay in the ISR), the leader acknowledges writes only it has, then stops: a follower is elected
     * cleanly and later writes reuse the offsets, so acknowledged writes are lost (FIDELITY C3).
     * The first writes are committed (every follower has them) before the stall, so exactly the
     * writes made during it are at stake.
     */
    public static Workload acksOneFailover(long lagMs) {
        return new Workload("c4-acks1-failover", 3, Workload.settings("acks", "1", "min.insync.replicas", "1",
                "unclean.leader.election.enable", "false", "replica.lag.time.max.ms", Long.toString(lagMs),
                "retries", "2147483647", "request.timeout.ms", "2000", "delivery.timeout.ms", "30000"),
                List.of(new Step.Produce(5), new Step.AwaitIsr(3), new Step.AwaitCommitted(),
                        new Step.StallFollowers(2), new Step.Produce(5),
                        new Step.StopLeader(), new Step.AwaitNewLeader(), new Step.ReleaseStalls(), new Step.Produce(5),
                        new Step.RestartStopped(), new Step.AwaitIsr(3), new Step.ConsumeAll()));
    }
}

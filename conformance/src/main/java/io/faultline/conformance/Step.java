package io.faultline.conformance;

import org.apiguardian.api.API;

/**
 * One step of a conformance workload, run in order on the model and on the real cluster. Faults
 * are steps too, so the timeline is the same on both sides (virtual time on the model, wall time on
 * the real cluster).
 *
 * <pre>{@code
 * List<Step> steps = List.of(new Step.Produce(5), new Step.StallFollowers(2), new Step.AwaitIsr(1),
 *         new Step.Produce(1), new Step.ReleaseStalls(), new Step.AwaitIsr(3), new Step.ConsumeAll());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Step {
    /** Sends {@code records} records one at a time to partition 0, each waiting for its outcome. */
    record Produce(int records) implements Step {
        public Produce {
            if (records < 1) {
                throw new IllegalArgumentException("records must be >= 1, got " + records);
            }
        }
    }

    /**
     * Stops {@code count} followers of the current leader from fetching (real: a Byteman stall in
     * their fetcher threads; model: the data channel between them and the leader is cut).
     */
    record StallFollowers(int count) implements Step {
    }

    /** Lets every stalled follower fetch again. */
    record ReleaseStalls() implements Step {
    }

    /** Waits (bounded) until the partition's ISR has {@code size} members; records what was seen. */
    record AwaitIsr(int size) implements Step {
    }

    /**
     * Waits (bounded) until the leader's high watermark reaches its log end: every follower in the
     * ISR has fetched everything the leader holds. With {@code acks=1} an acknowledgement says
     * nothing about the followers, so a case that needs them to hold earlier records waits for it.
     */
    record AwaitCommitted() implements Step {
    }

    /** Stops the current leader (real: the test kit's broker shutdown; model: the host crashes). */
    record StopLeader() implements Step {
    }

    /** Waits (bounded) until a broker other than the stopped one leads; records what was seen. */
    record AwaitNewLeader() implements Step {
    }

    /** Starts the stopped broker again. */
    record RestartStopped() implements Step {
    }

    /** Reads partition 0 from offset 0 up to its high watermark, recording every poll. */
    record ConsumeAll() implements Step {
    }
}

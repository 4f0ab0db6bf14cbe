package io.faultline.conformance;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One side of a conformance case: the model in the simulator ({@link ModelDriver}) or a real
 * cluster (the tests' driver). {@link CaseRunner} calls these in the order of a workload's steps and
 * records the history; every wait is bounded and reports whether it got what it waited for.
 *
 * <pre>{@code
 * try (ClusterDriver d = new ModelDriver(42, workload)) {
 *     CaseOutcome o = CaseRunner.run(workload, d);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ClusterDriver extends AutoCloseable {
    /** How one send completed: {@code ok}/{@code fail}/{@code info}, its offset (-1 unless ok), Kafka's error name. */
    record Sent(String type, long offset, String error) {
    }

    /** What a read-everything step got: the records of each poll, and the high watermark at the end. */
    record Consumed(List<List<CaseOutcome.Read>> polls, long highWatermark) {
    }

    /** {@code model} or {@code real}. */
    String side();

    /** Time for the history: virtual nanoseconds on the model, wall nanoseconds since start on the real cluster. */
    long nowNanos();

    /** Sends {@code value} to partition 0 and waits (bounded by the delivery timeout) for its outcome. */
    Sent send(long value);

    void stallFollowers(int count);

    void releaseStalls();

    CaseOutcome.IsrSeen awaitIsr(int size);

    /** Waits until the leader's HW reaches its log end; false (and a note) if it did not in time. */
    boolean awaitCommitted();

    /** Stops the current leader and returns its broker id. */
    int stopLeader();

    CaseOutcome.IsrSeen awaitNewLeader(int stopped);

    void restart(int broker);

    Consumed consumeAll();

    /** What happened that the outcome should say (e.g. a stall that was not reached in time). */
    List<String> notes();

    /** Releases everything (stalls, clients, stopped brokers); never throws. */
    @Override
    void close();
}

package io.faultline.checker.history;

import org.apiguardian.api.API;

/**
 * A check that judges a history as it is recorded: it sees each op once, in order, as the
 * {@link HistoryBuilder} appends it, keeps only the state its rule needs, and answers at the end.
 * A long run's history then never has to be read back whole (issue 18). A recorded history is
 * judged by the same code, fed op by op ({@link #over}): there is no second, offline version of a rule.
 *
 * <pre>{@code
 * OnlineCheck<CheckResult> reads = S3Checks.readsReturnWrittenValues();
 * recorder.listen(reads);          // before the run records its first op
 * ...                              // the run
 * CheckResult r = reads.result();  // or, for a history at hand: OnlineCheck.over(history, reads)
 * }</pre>
 *
 * @param <R> what the check answers
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public interface OnlineCheck<R> {

    /** The next op of the history (ops come in history order, numbered from 0). */
    void accept(Op op);

    /** The verdict on the ops seen so far, the history's end; called once, after the last op. */
    R result();

    /** Feeds {@code history} to {@code check} op by op, then answers its result. */
    static <R> R over(History history, OnlineCheck<R> check) {
        for (Op op : history) {
            check.accept(op);
        }
        return check.result();
    }
}

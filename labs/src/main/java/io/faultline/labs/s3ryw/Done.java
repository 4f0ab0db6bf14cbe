package io.faultline.labs.s3ryw;

import org.apiguardian.api.API;

/**
 * How a {@link ConsistentStore} operation completes: {@link #ok} with its result, or
 * {@link #fail} when the operation certainly did not take effect. When you cannot tell (a write
 * whose outcome is unknown), call neither: the harness records the operation as indeterminate at
 * its timeout, which is the honest answer. Calls after the first, and calls after the timeout,
 * are ignored.
 *
 * @param <T> the operation's result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Done<T> {
    void ok(T result);

    void fail(String reason);
}

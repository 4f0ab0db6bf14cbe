package io.faultline.models.kafka.server.txn;

import io.faultline.sim.Timer;
import org.apiguardian.api.API;

/** The timers of transaction coordinators and transactional producers. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface TxnTimer extends Timer {
    /** Coordinator: abort the transactions open longer than their timeout (C12.2). */
    record TimeoutCheck() implements TxnTimer {
    }

    /** Coordinator: send again the markers of {@code transactionalId} not yet acknowledged. */
    record MarkerRetry(String transactionalId) implements TxnTimer {
    }

    /** Producer: the next step of the job is due. */
    record Step(long round) implements TxnTimer {
    }

    /** Producer: request {@code requestId} got no answer in time. */
    record Expired(long requestId) implements TxnTimer {
    }
}

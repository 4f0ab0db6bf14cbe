package io.faultline.models.kafka.server.txn;

import org.apiguardian.api.API;

/** The states of a transaction at its coordinator, as Kafka's {@code TransactionState} (FIDELITY C12.2). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TxnState {
    EMPTY, ONGOING, PREPARE_COMMIT, PREPARE_ABORT, COMPLETE_COMMIT, COMPLETE_ABORT;

    /** Whether the outcome is decided and markers are being written. */
    public boolean preparing() {
        return this == PREPARE_COMMIT || this == PREPARE_ABORT;
    }
}

/**
 * Kafka transactions on the broker side (KIP-98, FIDELITY C12): the transaction coordinator, its
 * state as records of {@code __transaction_state}, and the writing of COMMIT and ABORT markers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package io.faultline.models.kafka.server.txn;

import org.apiguardian.api.API;

package io.faultline.models.kafka.wire;

import io.faultline.sim.Message;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The transaction protocol of KIP-98 (FIDELITY C12) on the brokers' data port: a transactional
 * producer's requests to its transaction coordinator (InitProducerId, AddPartitionsToTxn, EndTxn)
 * and the coordinator's WriteTxnMarkers to the leaders of the partitions in a transaction.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface TxnMessage extends Message {
    @Override
    default String channel() {
        return KafkaMessage.DATA;
    }

    /** Registers a producer instance for {@code transactionalId}: bumps the epoch, fencing older instances (C12.1). */
    record InitProducerId(long requestId, String transactionalId, long transactionTimeoutMs) implements TxnMessage {
    }

    record InitProducerIdResult(long requestId, KafkaError error, long producerId, int producerEpoch)
            implements TxnMessage {
    }

    /** Adds partitions to the ongoing transaction before the producer writes to them (C12.2). */
    record AddPartitionsToTxn(long requestId, String transactionalId, long producerId, int producerEpoch,
                              List<Integer> partitions) implements TxnMessage {
        public AddPartitionsToTxn {
            partitions = List.copyOf(partitions);
        }
    }

    record AddPartitionsResult(long requestId, KafkaError error) implements TxnMessage {
    }

    /** Commits ({@code commit}) or aborts the ongoing transaction (C12.2). */
    record EndTxn(long requestId, String transactionalId, long producerId, int producerEpoch, boolean commit)
            implements TxnMessage {
    }

    record EndTxnResult(long requestId, KafkaError error) implements TxnMessage {
    }

    /** The coordinator asks a partition's leader to append a COMMIT or ABORT marker (C12.3). */
    record WriteTxnMarker(long requestId, int partition, long producerId, int producerEpoch, boolean commit)
            implements TxnMessage {
    }

    record WriteTxnMarkerResult(long requestId, int partition, KafkaError error) implements TxnMessage {
    }
}

package io.faultline.models.kafka.wire;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.AbortedTxn;
import io.faultline.models.kafka.rules.EpochEnd;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.sim.Message;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Every message of the Kafka model. Data-path requests travel on channel {@code kafka} (the broker
 * port 9092), controller traffic on channel {@code control} (ZooKeeper sessions or KRaft
 * heartbeats, LeaderAndIsr, ISR changes, metadata), so that the Jepsen 2013 fault of FIDELITY C9,
 * "isolate the leader in the Kafka protocol only", is a per-channel cut.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface KafkaMessage extends Message {
    String DATA = "kafka";
    String CONTROL = "control";

    @Override
    default String channel() {
        return DATA;
    }

    /** A message of the controller channel. */
    sealed interface Control extends KafkaMessage {
        @Override
        default String channel() {
            return CONTROL;
        }
    }

    // ---- data path (channel "kafka") ----

    /**
     * Produce one batch of records to a partition's leader, appended whole (C3, C6, C11.1); an
     * idempotent batch's record i has sequence {@code baseSequence + i}.
     */
    record Produce(long requestId, int partition, List<KeyValue> records, KafkaConfig.Acks acks, long producerId,
                   int baseSequence, int producerEpoch, int txn) implements KafkaMessage {
        public Produce {
            records = List.copyOf(records);
        }

        /** A batch outside any transaction ({@link LogRecord#NOT_TRANSACTIONAL}). */
        public Produce(long requestId, int partition, List<KeyValue> records, KafkaConfig.Acks acks, long producerId,
                       int baseSequence) {
            this(requestId, partition, records, acks, producerId, baseSequence, 0, LogRecord.NOT_TRANSACTIONAL);
        }

        @Override
        public int sizeBytes() {
            return 64 + 24 * records.size();
        }
    }

    /** The leader's answer; {@code offset} is the batch's first offset, -1 unless the batch is in the log. */
    record ProduceResult(long requestId, int partition, KafkaError error, long offset) implements KafkaMessage {
    }

    /**
     * A fetch from {@code fetchOffset}: by a follower ({@code replica >= 0}, whose LEO it reports) or
     * by a consumer ({@code replica == -1}, served up to the HW only, C1 "Committed").
     */
    record Fetch(long fetchId, int partition, int replica, int leaderEpoch, long fetchOffset, boolean readCommitted)
            implements KafkaMessage {
        /** A read_uncommitted fetch (Kafka's default isolation level, FIDELITY C12.5). */
        public Fetch(long fetchId, int partition, int replica, int leaderEpoch, long fetchOffset) {
            this(fetchId, partition, replica, leaderEpoch, fetchOffset, false);
        }
    }

    /**
     * Records from {@code fetchOffset} with the leader's HW and LEO, and, for a read_committed fetch,
     * the aborted transactions among them (C12.5).
     */
    record FetchResult(long fetchId, int partition, int leaderEpoch, KafkaError error, long fetchOffset,
                       List<LogRecord> records, long highWatermark, long leaderLeo, List<AbortedTxn> aborted)
            implements KafkaMessage {
        public FetchResult {
            records = List.copyOf(records);
            aborted = List.copyOf(aborted);
        }

        public FetchResult(long fetchId, int partition, int leaderEpoch, KafkaError error, long fetchOffset,
                           List<LogRecord> records, long highWatermark, long leaderLeo) {
            this(fetchId, partition, leaderEpoch, error, fetchOffset, records, highWatermark, leaderLeo, List.of());
        }

        @Override
        public int sizeBytes() {
            return 64 + 24 * records.size();
        }

        @Override
        public String toString() {
            // Summarised: traces hash every delivery, and record lists can be long.
            long sum = 0;
            for (LogRecord r : records) {
                sum = sum * 31 + r.value() * 7 + r.epoch();
            }
            return "FetchResult[" + fetchId + " p" + partition + " e" + leaderEpoch + " " + error + " @" + fetchOffset
                    + " n=" + records.size() + " sum=" + sum + " hw=" + highWatermark + " leo=" + leaderLeo + "]";
        }
    }

    /** {@code OffsetsForLeaderEpoch(requestedEpoch)} from a follower in {@code leaderEpoch} (C5.2, C5.4). */
    record EpochQuery(long queryId, int partition, int leaderEpoch, int requestedEpoch) implements KafkaMessage {
    }

    record EpochAnswer(long queryId, int partition, KafkaError error, EpochEnd answer) implements KafkaMessage {
    }

    /** The earliest offset (the log start) in a {@link ListOffsets} request. */
    long EARLIEST = -2;
    /** The latest offset (the HW, for a consumer) in a {@link ListOffsets} request. */
    long LATEST = -1;

    /**
     * {@code ListOffsets} for {@link #EARLIEST} or {@link #LATEST}: how a consumer applies
     * {@code auto.offset.reset} and a follower behind the leader's log start finds where to restart
     * (FIDELITY C8.3).
     */
    record ListOffsets(long requestId, int partition, int replica, long timestamp) implements KafkaMessage {
    }

    record ListOffsetsResult(long requestId, int partition, KafkaError error, long offset, int leaderEpoch)
            implements KafkaMessage {
    }

    // ---- control (channel "control") ----

    /** A broker's liveness signal: a ZooKeeper session ping or a KRaft heartbeat (C4). */
    record Heartbeat(int broker, long incarnation) implements Control {
    }

    /**
     * The controller's decision for one partition, sent to one replica. It names the incarnation
     * of the broker it is meant for, so a restarted broker ignores decisions addressed to its
     * previous life (the broker epoch of KIP-380 [M19]: applied in every version here), and the
     * epoch of the controller that decided it, so that a broker ignores a deposed controller's
     * decisions (FIDELITY C4.1).
     */
    record LeaderAndIsr(PartitionState state, long brokerIncarnation, int controllerEpoch) implements Control {
    }

    /** A leader asks the controller to change the ISR (shrink or expand, C1). */
    record AlterIsr(int partition, int leader, int leaderEpoch, List<Integer> isr) implements Control {
        public AlterIsr {
            isr = List.copyOf(isr);
        }
    }

    /** A client asks who leads what. */
    record MetadataRequest(long requestId) implements Control {
    }

    record Metadata(long requestId, List<PartitionState> partitions) implements Control {
        public Metadata {
            partitions = List.copyOf(partitions);
        }
    }

    /** An operator's {@code kafka-leader-election.sh --election-type preferred} (C4). */
    record ElectPreferred() implements Control {
    }
}

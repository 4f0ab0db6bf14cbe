package io.faultline.models.kafka.server.txn;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.KeyValue;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage.Produce;
import io.faultline.models.kafka.wire.KafkaMessage.ProduceResult;
import io.faultline.models.kafka.wire.TxnMessage.WriteTxnMarker;
import io.faultline.models.kafka.wire.TxnMessage.WriteTxnMarkerResult;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A broker's side of WriteTxnMarkers (FIDELITY C12.3): it appends the COMMIT or ABORT control
 * record to its leader replica with acks=all, as Kafka does, and answers the coordinator once the
 * HW covers it. The marker's value is unique and negative, so that it is never taken for a
 * producer's record.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkerWriter {
    /** Request ids of marker appends, apart from the coordinators'. */
    private static final long ID_BASE = 1L << 50;

    private final int broker;
    private final Map<Long, Pending> pending = new TreeMap<>();
    private long next = ID_BASE;

    private record Pending(HostId coordinator, WriteTxnMarker request) {
    }

    public MarkerWriter(int broker) {
        this.broker = broker;
    }

    /** Appends the marker of {@code m} through {@code append} (the local replica's produce path). */
    public void write(Context ctx, HostId from, WriteTxnMarker m, Consumer<Produce> append) {
        long id = next++;
        pending.put(id, new Pending(from, m));
        long value = -1 - (((long) broker << 40) | (id - ID_BASE));
        append.accept(new Produce(id, m.partition(), List.of(new KeyValue(LogRecord.NO_KEY, value)), KafkaConfig.Acks.ALL,
                m.producerId(), -1, m.producerEpoch(), m.commit() ? LogRecord.COMMIT_MARKER : LogRecord.ABORT_MARKER));
    }

    /** The answer to one of this writer's appends; false if it is not one. */
    public boolean onAppendResult(Context ctx, ProduceResult r) {
        Pending p = pending.remove(r.requestId());
        if (p == null) {
            return false;
        }
        ctx.send(p.coordinator(), new WriteTxnMarkerResult(p.request().requestId(), r.partition(), r.error()));
        return true;
    }

    /** The answer when this broker has no replica of the marker's partition. */
    public static void notLeader(Context ctx, HostId from, WriteTxnMarker m) {
        ctx.send(from, new WriteTxnMarkerResult(m.requestId(), m.partition(), KafkaError.NOT_LEADER_OR_FOLLOWER));
    }
}

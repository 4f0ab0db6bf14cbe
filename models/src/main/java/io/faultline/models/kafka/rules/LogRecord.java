package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * One record of a partition's log, stamped with the leader epoch it was appended in (KIP-101,
 * FIDELITY C5.2: "each record batch is stamped with the leader epoch") and, for idempotent
 * producers, the producer id and sequence number (FIDELITY C6); {@code producerId} is -1 otherwise.
 *
 * <pre>{@code
 * LogRecord r = LogRecord.plain(0, 42);   // value 42 written in leader epoch 0
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LogRecord(int epoch, long value, long producerId, int sequence) {
    public static LogRecord plain(int epoch, long value) {
        return new LogRecord(epoch, value, -1, -1);
    }

    public boolean idempotent() {
        return producerId >= 0;
    }
}

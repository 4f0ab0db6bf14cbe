package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * One record as a producer sends it: a key ({@link LogRecord#NO_KEY} for none) and a value.
 *
 * <pre>{@code
 * KeyValue kv = new KeyValue(7, 1_000_001);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KeyValue(long key, long value) {
}

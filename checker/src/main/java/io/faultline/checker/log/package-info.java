/**
 * Checkers for replicated logs and queues (Kafka's send/poll histories): Jepsen's Kafka anomaly
 * catalog (FIDELITY C10), usable on histories from the simulator or from a real Kafka.
 *
 * <h2>Op shapes (Jepsen's {@code jepsen.tests.kafka} conventions)</h2>
 * Every {@code :send}, {@code :poll} and {@code :txn} op carries a vector of micro-ops:
 * <ul>
 *   <li>{@code {:f :send, :value [[:send k v]]}} on invoke; on completion each micro-op becomes
 *       {@code [:send k [offset v]]}, where {@code offset} is {@code nil} when unknown (timeouts,
 *       {@code acks=0}); a bare {@code [:send k v]} is also accepted as "offset unknown".</li>
 *   <li>{@code {:f :poll, :value [[:poll]]}} on invoke; on completion
 *       {@code [[:poll {k [[offset v] ...], ...}]]}: for each key (a topic-partition), the records
 *       read in offset order.</li>
 *   <li>{@code {:f :assign, :value [k ...]}} and {@code {:f :subscribe, :value [k ...]}}: the
 *       consumer's new key set; across-op ordering checks keep state only for keys still held.</li>
 * </ul>
 * Keys and values may be any {@link io.faultline.checker.history.Value}; values must be unique per
 * key (every send writes a fresh value), as in Jepsen's workload.
 */
package io.faultline.checker.log;

package io.faultline.models.kafka.config;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The transaction keys of the model (part of {@link KafkaKeys#ALL}): Kafka's real names and
 * defaults (FIDELITY C12), which apply from 0.11, where KIP-98 shipped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TxnKeys {
    private TxnKeys() {
    }

    // Built from KafkaKeys' nested types only, as ConsumerKeys is (class initialisation order).
    private static KafkaKeys.Key key(String name, String doc, String dflt, KafkaKeys.Allowed a) {
        return new KafkaKeys.Key(name, doc, v -> dflt, a);
    }

    /** The value of {@link #TRANSACTIONAL_ID} that turns transactions off. */
    public static final String UNSET = "unset";

    public static final KafkaKeys.Key TRANSACTIONAL_ID = key("transactional.id",
            "the transactional.id of the model's transactional producers: unset (idempotent only, no "
                    + "transactions, nothing fences an older instance) or job (every instance of the job shares "
                    + "it, so a new instance fences the old one by producer epoch, C12.1)",
            UNSET, new KafkaKeys.Choice(List.of(UNSET, "job")));
    public static final KafkaKeys.Key TIMEOUT = key("transaction.timeout.ms",
            "the coordinator aborts a transaction open longer than this, fencing its producer (C12.2)",
            "60000", new KafkaKeys.Range(1, 900_000));
    public static final KafkaKeys.Key ISOLATION = key("isolation.level",
            "what the model's consumers read (C12.5): read_uncommitted (up to the HW, aborted and open "
                    + "transactions included) or read_committed (up to the last stable offset, aborted records dropped)",
            "read_uncommitted", new KafkaKeys.Choice(List.of("read_uncommitted", "read_committed")));
    public static final KafkaKeys.Key STATE_PARTITIONS = key("transaction.state.log.num.partitions",
            "partitions of __transaction_state; a transactional.id's coordinator leads partition "
                    + "abs(hash(transactional.id)) % this (C12.2)",
            "50", new KafkaKeys.Range(1, 1000));
    public static final KafkaKeys.Key STATE_RF = key("transaction.state.log.replication.factor",
            "replicas of each __transaction_state partition (C12.2)", "3", new KafkaKeys.Range(1, 16));
    public static final KafkaKeys.Key STATE_MIN_ISR = key("transaction.state.log.min.isr",
            "min.insync.replicas of __transaction_state: the coordinator's writes need this many in-sync "
                    + "replicas (C12.2)", "2", new KafkaKeys.Range(1, 16));

    /** The keys in documentation order. */
    public static final List<KafkaKeys.Key> ALL = List.of(TRANSACTIONAL_ID, TIMEOUT, ISOLATION, STATE_PARTITIONS,
            STATE_RF, STATE_MIN_ISR);
}

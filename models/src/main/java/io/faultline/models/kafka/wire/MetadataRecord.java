package io.faultline.models.kafka.wire;

import org.apiguardian.api.API;

/**
 * One record of the KRaft metadata log {@code __cluster_metadata} (FIDELITY C4.2): the quorum's
 * leader changes, partition leadership and ISR changes, and broker registrations and fencing. Each
 * carries the simulated time it was written and why, for reports only; nobody decides on them.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface MetadataRecord {
    long at();

    /** A new quorum leader's first record of its epoch (KIP-595's LeaderChangeMessage). */
    record LeaderChange(int leader, long at) implements MetadataRecord {
    }

    /** A partition's new leader, leader epoch or ISR (KIP-631's PartitionRecord / PartitionChangeRecord). */
    record PartitionChange(PartitionState state, long at, String why) implements MetadataRecord {
    }

    /** A broker registered with this incarnation and is unfenced (KIP-631's BrokerRegistrationRecord). */
    record BrokerRegistration(int broker, long incarnation, long at) implements MetadataRecord {
    }

    /** A broker whose heartbeats stopped for broker.session.timeout.ms is fenced (KIP-631's FenceBrokerRecord). */
    record BrokerFence(int broker, long at) implements MetadataRecord {
    }
}

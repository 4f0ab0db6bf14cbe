package io.faultline.models.kafka.config;

/**
 * How the controller learns that a broker is alive (FIDELITY C4): a ZooKeeper session expiring
 * after {@code zookeeper.session.timeout.ms}, or KRaft broker heartbeats missing for
 * {@code broker.session.timeout.ms}. The controller itself is one simulated service in both eras.
 */
public enum ControllerMode {
    ZOOKEEPER, KRAFT
}

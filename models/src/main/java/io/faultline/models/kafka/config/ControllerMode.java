package io.faultline.models.kafka.config;

import org.apiguardian.api.API;

/**
 * How the controller learns that a broker is alive (FIDELITY C4): a ZooKeeper session expiring
 * after {@code zookeeper.session.timeout.ms}, or KRaft broker heartbeats missing for
 * {@code broker.session.timeout.ms}. In the ZooKeeper era the controller role is a broker's and fails over
 * (FIDELITY C4.1); the KRaft quorum is one reliable service.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ControllerMode {
    ZOOKEEPER, KRAFT
}

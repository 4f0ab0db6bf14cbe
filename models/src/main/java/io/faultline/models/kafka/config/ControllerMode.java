package io.faultline.models.kafka.config;

import org.apiguardian.api.API;

/**
 * Which controller the cluster runs (FIDELITY C4). ZooKeeper: the controller role is a broker's, found
 * through a ZooKeeper session expiring after {@code zookeeper.session.timeout.ms}, and it fails over
 * (FIDELITY C4.1). KRaft: a quorum of {@code controller.quorum.voters} controller hosts runs Raft
 * over the metadata log; brokers heartbeat to its leader and are fenced after
 * {@code broker.session.timeout.ms} of silence, and a new leader is elected when the active one
 * fails (FIDELITY C4.2).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ControllerMode {
    ZOOKEEPER, KRAFT
}

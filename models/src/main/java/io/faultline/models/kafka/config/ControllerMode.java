package io.faultline.models.kafka.config;

import org.apiguardian.api.API;

/**
 * Which controller the cluster runs (FIDELITY C4). ZooKeeper: the controller role is a broker's, found
 * through a ZooKeeper session expiring after {@code zookeeper.session.timeout.ms}, and it fails over
 * (FIDELITY C4.1). KRaft: brokers heartbeat to the controller and are fenced after
 * {@code broker.session.timeout.ms} of silence; with {@code controller.quorum.voters} set, a quorum of
 * that many controller hosts runs Raft over the metadata log and elects a new active controller when
 * one fails (FIDELITY C4.2); without it the controller is one reliable service [M17].
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ControllerMode {
    ZOOKEEPER, KRAFT
}

/**
 * The KRaft controller quorum (FIDELITY C4.2): Raft over the metadata log {@code __cluster_metadata}
 * among the controller voters, the log and quorum state each voter keeps on disk, the image of the
 * cluster replayed from the log, and the brokers' pull of the committed log.
 */
package io.faultline.models.kafka.server.kraft;

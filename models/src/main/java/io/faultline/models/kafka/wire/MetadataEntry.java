package io.faultline.models.kafka.wire;

import org.apiguardian.api.API;

/** A record of the metadata log with the quorum epoch of the leader that appended it (FIDELITY C4.2). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record MetadataEntry(int epoch, MetadataRecord record) {
}

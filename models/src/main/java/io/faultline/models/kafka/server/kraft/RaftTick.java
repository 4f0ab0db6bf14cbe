package io.faultline.models.kafka.server.kraft;

import io.faultline.sim.Timer;
import org.apiguardian.api.API;

/** A controller voter's periodic check of its Raft timeouts (election, fetch, check-quorum, parked fetches). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RaftTick() implements Timer {
}

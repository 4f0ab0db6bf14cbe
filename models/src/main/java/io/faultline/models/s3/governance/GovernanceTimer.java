package io.faultline.models.s3.governance;

import io.faultline.sim.Timer;
import org.apiguardian.api.API;

/** The governance's own timers: one per delivery, replication and log flush. */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface GovernanceTimer extends Timer {
    record Deliver(NotificationTarget target, ObjectEvent event, int copy) implements GovernanceTimer {
    }

    record Replicate(long id) implements GovernanceTimer {
    }

    record FlushLogs(String bucket) implements GovernanceTimer {
    }
}

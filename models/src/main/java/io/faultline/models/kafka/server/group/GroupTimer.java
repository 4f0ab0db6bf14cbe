package io.faultline.models.kafka.server.group;

import io.faultline.sim.Timer;
import org.apiguardian.api.API;

/** The timers of group coordinators and group consumers. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GroupTimer extends Timer {
    /** Coordinator: expire members whose session ran out (C7.2). */
    record SessionCheck() implements GroupTimer {
    }

    /** Coordinator: join phase {@code round} of {@code group} ends now (C7.2). */
    record JoinDeadline(String group, int round) implements GroupTimer {
    }

    /** Consumer: send the next heartbeat. */
    record HeartbeatDue() implements GroupTimer {
    }

    /** Consumer: the next poll is due. */
    record PollDue() implements GroupTimer {
    }

    /** Consumer: the application finished processing poll {@code poll}. */
    record Processed(long poll) implements GroupTimer {
    }

    /** Consumer: poll {@code poll} started max.poll.interval.ms ago. */
    record PollIntervalExpired(long poll) implements GroupTimer {
    }

    /** Consumer: a request got no answer in time. */
    record Expired(long requestId) implements GroupTimer {
    }
}

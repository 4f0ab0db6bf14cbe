package io.faultline.models.kafka.server;

import io.faultline.sim.Timer;
import org.apiguardian.api.API;

/** The timers of the Kafka model's processes. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface KafkaTimer extends Timer {
    /** Broker: send the next heartbeat / session ping. */
    record HeartbeatTick() implements KafkaTimer {
    }

    /** Broker: the ISR expiration check, every replica.lag.time.max.ms / 2 as in Kafka (C1). */
    record IsrCheckTick() implements KafkaTimer {
    }

    /** Broker: write the HW checkpoint file. */
    record HwCheckpointTick() implements KafkaTimer {
    }

    /** Broker: delete the log segments past retention (log.retention.check.interval.ms, C8.2). */
    record RetentionCheckTick() implements KafkaTimer {
    }

    /** Broker: the log cleaner's pass over the compacted logs (log.cleaner.backoff.ms, C8.4). */
    record CleanerTick() implements KafkaTimer {
    }

    /** Broker: the operating system writes dirty pages back (an fsync), [M16]. */
    record WritebackTick() implements KafkaTimer {
    }

    /** Broker: a parked (long-poll) fetch of a follower answers empty. */
    record FetchWaitExpired(int partition, int replica, long fetchId) implements KafkaTimer {
    }

    /** Broker: an acks=all produce still waiting for the HW times out. */
    record ProduceExpired(int partition, long requestId) implements KafkaTimer {
    }

    /** Broker (follower): no answer to a fetch or epoch query; ask again. */
    record FollowerRetry(int partition, long attempt) implements KafkaTimer {
    }

    /** Controller: check sessions, elect leaders where needed. */
    record SessionCheck() implements KafkaTimer {
    }

    /** Controller: the periodic preferred-leader check (C4). */
    record PreferredCheck() implements KafkaTimer {
    }

    /** Client: the next operation (or retry) is due. */
    record ClientTick(long id) implements KafkaTimer {
    }

    /** Client: no answer to a request in time. */
    record RequestExpired(long requestId) implements KafkaTimer {
    }
}

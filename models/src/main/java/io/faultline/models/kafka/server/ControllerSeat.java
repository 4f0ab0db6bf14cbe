package io.faultline.models.kafka.server;

import org.apiguardian.api.API;

/**
 * Who holds the controller role and since when it acts (FIDELITY C4.1): in the ZooKeeper era the
 * {@code /controller} ephemeral znode, created by the first live broker to try and deleted when its
 * session expires, and {@code /controller_epoch}, bumped by every new controller. A new controller
 * acts only once it has read the cluster's state back from ZooKeeper ({@code kafka.controller.load.ms}):
 * until then, and while nobody holds the seat, nobody elects leaders. In the KRaft era no broker holds
 * it: the seat stays vacant and the active controller is the quorum's leader (FIDELITY C4.2).
 *
 * @param holder the broker holding the seat, or {@link #NONE}
 * @param epoch the controller epoch: 0 before the first election, then one more per new controller
 * @param actsFrom the simulated time from which the holder acts (its state loaded)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ControllerSeat(int holder, int epoch, long actsFrom) {
    /** No broker holds the seat. */
    public static final int NONE = -1;

    /** The empty seat before the first election. */
    public static ControllerSeat vacant() {
        return new ControllerSeat(NONE, 0, Long.MAX_VALUE);
    }

    /** The seat taken by {@code broker} at {@code now}, acting after {@code loadNanos} of state loading. */
    public ControllerSeat takenBy(int broker, long now, long loadNanos) {
        return new ControllerSeat(broker, epoch + 1, now + loadNanos);
    }

    /** The seat emptied (the holder's session expired or it restarted): the epoch stays until the next holder. */
    public ControllerSeat emptied() {
        return new ControllerSeat(NONE, epoch, Long.MAX_VALUE);
    }

    public boolean held() {
        return holder != NONE;
    }

    /** True if a controller holds the seat and has finished loading at {@code now}. */
    public boolean acting(long now) {
        return held() && now >= actsFrom;
    }
}

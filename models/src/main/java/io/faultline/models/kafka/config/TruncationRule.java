package io.faultline.models.kafka.config;

import org.apiguardian.api.API;

/**
 * How a replica that becomes a follower (or restarts) finds where its log may have diverged from
 * the leader's: the three generations of FIDELITY C5.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TruncationRule {
    /** Before 0.11: truncate to the replica's own high watermark (C5.1). Loses committed data. */
    HIGH_WATERMARK,
    /** 0.11 (KIP-101, C5.2): ask the leader for the end offset of the latest local epoch. */
    LEADER_EPOCH,
    /** 2.0 (KIP-279, C5.4): iterate with the leader down to the largest common epoch. */
    LARGEST_COMMON_EPOCH
}

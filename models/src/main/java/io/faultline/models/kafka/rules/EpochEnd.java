package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * A leader's answer to {@code OffsetsForLeaderEpoch}: an epoch and the offset where it ends (the
 * start offset of the next known epoch, or the LEO for the latest). {@code epoch} is
 * {@link #UNDEFINED} when the answer carries only an offset (KIP-101's v0 response) or when the
 * leader knows no epoch at or below the one asked about.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record EpochEnd(int epoch, long endOffset) {
    public static final int UNDEFINED = -1;
}

package io.faultline.labs.replog;

import org.apiguardian.api.API;

/**
 * One record of the partition's log: the producer's value and the leader epoch in which a leader
 * appended it (FIDELITY C5: the epoch a record carries is how replicas find where their logs
 * part ways).
 *
 * @param value the producer's value
 * @param epoch the leader epoch of the leader that appended it
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Entry(long value, int epoch) {
}

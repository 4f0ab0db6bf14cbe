/**
 * The group coordinator of a broker (FIDELITY C7): consumer-group membership, rebalancing and
 * committed offsets kept in the model's {@code __consumer_offsets} partitions.
 */
package io.faultline.models.kafka.server.group;

/**
 * The Jepsen-shaped producer and consumer that record send/poll histories, kept apart from the
 * brokers they talk to.
 */
package io.faultline.models.kafka.workload;

/**
 * The messages Kafka hosts exchange on the simulated network and the error codes and partition
 * metadata they carry, in one place so that a reader of a trace finds every message shape here.
 */
package io.faultline.models.kafka.wire;

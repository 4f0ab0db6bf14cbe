/**
 * A model of Apache Kafka's replication (FIDELITY part C): replica logs with LEO, high watermark
 * and leader-epoch cache, the three generations of follower truncation (high watermark, KIP-101,
 * KIP-279), ISR maintenance, produce with acks and min.insync.replicas, idempotent producers, a
 * controller, clients that record Jepsen send/poll histories, and the catalog of historical
 * data-loss scenarios ({@code kafka/...}).
 */
package io.faultline.models.kafka;

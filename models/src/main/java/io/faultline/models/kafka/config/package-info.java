/**
 * The Kafka model's configuration: the broker and client settings by their Kafka names, the version
 * and mode switches, and the cluster's placement of brokers and replicas.
 */
package io.faultline.models.kafka.config;

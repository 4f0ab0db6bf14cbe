/**
 * The Kafka model's configuration, one concept per class: {@link io.faultline.models.kafka.config.KafkaKeys}
 * is the table of keys (Kafka's names, defaults per version, allowed values, and the same table as
 * scenario settings), {@link io.faultline.models.kafka.config.KafkaConfig} is the resolved configuration
 * the processes read; beside them the version and mode switches and the cluster's placement of brokers
 * and replicas ({@link io.faultline.models.kafka.config.ClusterLayout}).
 */
package io.faultline.models.kafka.config;

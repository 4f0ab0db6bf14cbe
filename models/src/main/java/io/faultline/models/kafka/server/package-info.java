/**
 * The Kafka server processes (brokers with their partition replicas and log store, the controller)
 * and their timers: the parts that run on a host and can crash.
 */
package io.faultline.models.kafka.server;

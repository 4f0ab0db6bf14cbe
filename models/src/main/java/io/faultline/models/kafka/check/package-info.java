/**
 * Invariants over Kafka runs, kept apart from the model so that a check judges only what clients
 * and the brokers' durable state show.
 */
package io.faultline.models.kafka.check;

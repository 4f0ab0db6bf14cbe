/**
 * The Kafka scenarios of the catalog, the kit they share, the cluster builder and the fault plan:
 * everything that assembles a run, kept apart so that brokers never depend on a scenario.
 */
package io.faultline.models.kafka.scenario;

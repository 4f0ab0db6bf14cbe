/**
 * Models of real systems, one package each (S3, Kafka, Glacier), plus the demo scenarios; every
 * model contributes a scenario catalog. Same determinism rules as {@code sim}.
 *
 * <p>Every model uses the same sub-packages for the same roles, so that a reader who knows one
 * knows where to look in the others: {@code scenario} (the catalog, its scenarios, the cluster
 * builder and fault plans), {@code workload} (history-recording clients, workloads and the client
 * library), {@code server} (server processes and their collaborators), {@code wire} (the messages on
 * the simulated network), {@code config} (settings, keys, config records, versions and modes),
 * {@code rules} (pure, deterministic rules with no process) and {@code check} (invariants over
 * results). S3 and Glacier also have {@code api} (the API's values) and {@code store} (the store as a
 * pure state machine); S3 has {@code cold} for its cold-path rules.
 */
package io.faultline.models;

/**
 * Models of real systems, one package each (S3, Kafka, Glacier), plus the demo scenarios; every
 * model contributes a scenario catalog. Same determinism rules as {@code sim}.
 */
package io.faultline.models;

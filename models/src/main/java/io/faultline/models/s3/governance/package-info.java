/**
 * What S3 does after a write, in virtual time (FIDELITY A16.13 to A16.15): event notifications to
 * queues and functions, replication of new objects to another bucket, and server access logs.
 * Deterministic: every delay is drawn from the host's seeded random source and every delivery is a
 * simulator timer, so a replay sees the same deliveries at the same times.
 */
package io.faultline.models.s3.governance;

/**
 * Pure, deterministic replication rules (replica log, leader-epoch cache, follower truncation, ISR
 * tracking, idempotent-producer state): no process here, so each rule is tested directly.
 */
package io.faultline.models.kafka.rules;

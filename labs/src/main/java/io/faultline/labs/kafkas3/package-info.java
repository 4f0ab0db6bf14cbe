/**
 * Lab 4, {@code kafka-to-s3}: an exactly-once sink from a Kafka topic to S3 objects. Students
 * implement {@link io.faultline.labs.kafkas3.SinkTask} over a {@link io.faultline.labs.kafkas3.SinkContext}
 * (the group consumer's commits, S3, timers); {@link io.faultline.labs.kafkas3.KafkaToS3Suite} grades it.
 */
package io.faultline.labs.kafkas3;

/**
 * Pure, deterministic rules of the S3 model that need no host (index layout by key prefix, request-rate
 * partitions, bucket records with their propagation delay): testable without a simulation.
 */
package io.faultline.models.s3.rules;

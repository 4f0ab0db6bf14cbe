/**
 * The vocabulary of the S3 API shared by the simulated service and its client library: error codes
 * with their HTTP statuses, results as values (never exceptions), bodies, ETags, byte ranges, key
 * order, conditions and list requests/responses. Pure and deterministic (FIDELITY part A).
 */
package io.faultline.models.s3.api;

/**
 * S3's cold path as pure, deterministic rules (FIDELITY A8 to A10): storage classes with their
 * minimum durations and billable sizes, the lifecycle transition waterfall and constraints, due
 * times rounded up to the next UTC midnight, lifecycle evaluation with its precedence, RestoreObject's
 * state machine and {@code x-amz-restore} header, and a storage cost account with an overridable
 * price table. No dependency on the S3 model's classes: the S3 model (or a later session) wires
 * these into its GET/PUT/lifecycle path.
 */
package io.faultline.models.s3.cold;

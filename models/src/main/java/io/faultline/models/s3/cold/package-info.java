/**
 * S3's cold path as pure, deterministic rules (FIDELITY A8 to A10): storage classes with their
 * minimum durations and billable sizes, the lifecycle transition waterfall and constraints, due
 * times rounded up to the next UTC midnight, lifecycle evaluation with its precedence, RestoreObject's
 * state machine and {@code x-amz-restore} header, and a storage cost account with an overridable
 * price table. The rules do not depend on the S3 model's classes, so that the S3 model wires them
 * into its own GET/PUT/lifecycle path.
 *
 * <p>Until that wiring exists, {@link io.faultline.models.s3.cold.ColdStoreService} is a small
 * stand-in service that keeps per key only what the cold path needs (size, class, creation time,
 * restore state; no bodies, versions, ETags or listings) so that the {@code s3/lifecycle-to-glacier}
 * and {@code s3/restore-expiry} scenarios can run.
 */
package io.faultline.models.s3.cold;

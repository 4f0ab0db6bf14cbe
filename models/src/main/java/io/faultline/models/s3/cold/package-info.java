/**
 * S3's cold path as pure, deterministic rules (FIDELITY A8 to A10): storage classes with their
 * minimum durations and billable sizes, the lifecycle transition waterfall and constraints, due
 * times rounded up to the next UTC midnight, lifecycle evaluation with its precedence, RestoreObject's
 * state machine and {@code x-amz-restore} header, Expedited capacity, and a storage cost account with
 * an overridable price table. The rules do not depend on the S3 model's classes; the S3 model
 * ({@code io.faultline.models.s3}) applies them: {@code store.StoredObject} carries a version's class
 * and restore state, {@code store.ObjectOps} answers GET/HEAD/RestoreObject with them,
 * {@code LifecycleSweep} runs the daily lifecycle process and {@code ColdPath} keeps the bill.
 */
package io.faultline.models.s3.cold;

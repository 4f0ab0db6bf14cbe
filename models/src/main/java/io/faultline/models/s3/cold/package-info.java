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
 *
 * <p>What wiring into the S3 model ({@code io.faultline.models.s3}) takes, for whoever does it:
 * <ul>
 *   <li>a storage class and a {@link io.faultline.models.s3.cold.RestoreState} per object version
 *       (e.g. in {@code store.StoredObject}), set by PutObject's {@code x-amz-storage-class} and
 *       CopyObject, STANDARD by default;</li>
 *   <li>{@code ObjectOps.get}: answer {@code INVALID_OBJECT_STATE} (403) when
 *       {@link io.faultline.models.s3.cold.Restores#canGet} is false; GET and HEAD responses carry
 *       {@link io.faultline.models.s3.cold.Restores#header} and the class;</li>
 *   <li>a {@code RestoreObject(bucket, key, versionId, days, tier)} request answered by
 *       {@link io.faultline.models.s3.cold.Restores#request}, whose new state is written through the
 *       index like any other mutation; S3Error needs {@code RestoreAlreadyInProgress} (409) and
 *       {@code GlacierExpeditedRetrievalNotAvailable} (503);</li>
 *   <li>{@code PutBucketLifecycleConfiguration} checked by
 *       {@link io.faultline.models.s3.cold.LifecycleValidation}, and a daily process (00:00 UTC, see
 *       {@link io.faultline.models.s3.cold.UtcTime}) that asks
 *       {@link io.faultline.models.s3.cold.LifecycleEvaluator#due} for each version and writes the
 *       class change or the expiration (a delete or a delete marker per the bucket's versioning);</li>
 *   <li>a {@link io.faultline.models.s3.cold.CostAccount} fed on put, delete, overwrite and
 *       transition, contributed to the RunResult as a Table.</li>
 * </ul>
 * Then the two scenarios can move from {@code ColdStoreService} onto the S3 model.
 */
package io.faultline.models.s3.cold;

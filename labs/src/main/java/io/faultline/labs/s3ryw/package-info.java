/**
 * Lab 1, {@code s3-read-your-writes}: a client library over legacy S3 that gives read-after-write
 * and list-after-write. Students implement {@link io.faultline.labs.s3ryw.ConsistentStore} on top
 * of {@link io.faultline.labs.s3ryw.Backends}; {@link io.faultline.labs.s3ryw.ReadYourWritesSuite}
 * grades it.
 */
package io.faultline.labs.s3ryw;

package io.faultline.models.s3;

import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.VersioningState;
import java.util.Objects;

/**
 * A bucket's existence and configuration as the index holds it, merged by last-writer-wins on
 * the stamp. Front-ends cache it for a while, so configuration changes reach them late, as S3's
 * bucket configuration does (FIDELITY A1.3: "bucket configuration stays eventually consistent").
 *
 * @param name       the bucket
 * @param exists     false once deleted
 * @param versioning its versioning state (FIDELITY A6.1)
 * @param stamp      the write that set this record
 */
public record BucketRecord(String name, boolean exists, VersioningState versioning, Stamp stamp) {
    public BucketRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versioning, "versioning");
        Objects.requireNonNull(stamp, "stamp");
    }

    /** The newer of two records of the same bucket. */
    public BucketRecord join(BucketRecord other) {
        return other.stamp.after(stamp) ? other : this;
    }
}

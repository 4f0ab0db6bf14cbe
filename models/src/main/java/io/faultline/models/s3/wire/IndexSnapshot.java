package io.faultline.models.s3.wire;

import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.Upload;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything one index replica holds, as an immutable value: what a restarted replica copies from
 * its peers before it serves reads again.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record IndexSnapshot(List<BucketRecord> buckets, List<BucketKeys> keys, List<BucketUploads> uploads) {
    public IndexSnapshot {
        buckets = List.copyOf(buckets);
        keys = List.copyOf(keys);
        uploads = List.copyOf(uploads);
    }

    /** The key states of one bucket. */
    public record BucketKeys(String bucket, List<S3Wire.Entry> entries) {
        public BucketKeys {
            entries = List.copyOf(entries);
        }
    }

    /** The uploads of one bucket. */
    public record BucketUploads(String bucket, List<Upload> uploads) {
        public BucketUploads {
            uploads = List.copyOf(uploads);
        }
    }
}

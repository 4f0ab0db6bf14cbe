package io.faultline.models.s3.store;

import org.apiguardian.api.API;

/**
 * S3's size limits (FIDELITY A2, A3.1). Sizes in bytes; "GB"/"MB" in AWS's text mean GiB/MiB.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Limits {
    /** Largest single PutObject and atomic CopyObject: 5 GB (FIDELITY A2). */
    public static final long MAX_PUT_BYTES = 5L << 30;
    /** Largest object, "classic" fidelity default (FIDELITY A2: versioned parameter, 5 TiB). */
    public static final long MAX_OBJECT_BYTES = 5L << 40;
    /** Smallest part except the last (FIDELITY A3.1: 5 MiB). */
    public static final long MIN_PART_BYTES = 5L << 20;
    /** Largest part (FIDELITY A3.1: 5 GiB). */
    public static final long MAX_PART_BYTES = 5L << 30;
    /** Part numbers are 1..10,000 (FIDELITY A3.1). */
    public static final int MAX_PART_NUMBER = 10_000;
    /** ListParts and ListMultipartUploads pages hold at most 1,000 entries (FIDELITY A3.1). */
    public static final int MAX_LIST_PAGE = 1000;
    /** DeleteObjects takes at most 1,000 keys. */
    public static final int MAX_DELETE_KEYS = 1000;
    /** Default buckets per account today (FIDELITY A2); the historical default was 100. */
    public static final int DEFAULT_MAX_BUCKETS = 10_000;

    private Limits() {
    }
}

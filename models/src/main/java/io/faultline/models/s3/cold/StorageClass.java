package io.faultline.models.s3.cold;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The storage classes of FIDELITY A8 that the cold path covers, with their billing rules: minimum
 * storage duration (deleting, overwriting or transitioning earlier is billed as if stored for the
 * full minimum) and minimum billable size (IA classes and GLACIER_IR bill at least 128 KB; GLACIER
 * and DEEP_ARCHIVE add 40 KB of per-object overhead: 32 KB at their own rate and 8 KB at STANDARD's).
 *
 * <p>Declared in the order of A9.1's waterfall: a later constant is a deeper (colder) class.
 *
 * <pre>{@code
 * StorageClass c = StorageClass.parse("STANDARD_IA").orElseThrow();
 * c.minStorageDays();          // 30
 * c.requiresRestore();         // false: GLACIER and DEEP_ARCHIVE only
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum StorageClass {
    STANDARD(0, 0, false),
    STANDARD_IA(30, 128 * 1024, false),
    INTELLIGENT_TIERING(0, 0, false),
    ONEZONE_IA(30, 128 * 1024, false),
    GLACIER_IR(90, 128 * 1024, false),
    GLACIER(90, 0, true),
    DEEP_ARCHIVE(180, 0, true);

    /** Per-object overhead billed at the archive class's rate (A8: 32 KB of the 40 KB). */
    public static final long ARCHIVE_OVERHEAD_BYTES = 32 * 1024;
    /** Per-object overhead billed at STANDARD's rate for archived objects (A8: 8 KB of the 40 KB). */
    public static final long STANDARD_OVERHEAD_BYTES = 8 * 1024;

    private final int minStorageDays;
    private final long minBillableBytes;
    private final boolean requiresRestore;

    StorageClass(int minStorageDays, long minBillableBytes, boolean requiresRestore) {
        this.minStorageDays = minStorageDays;
        this.minBillableBytes = minBillableBytes;
        this.requiresRestore = requiresRestore;
    }

    /** Days an object is billed for at least (A8 "Billing rules"). */
    public int minStorageDays() {
        return minStorageDays;
    }

    /** Smallest size an object is billed at (A8); 0 for none. */
    public long minBillableBytes() {
        return minBillableBytes;
    }

    /** True if a GET needs a completed RestoreObject first (A10.2). */
    public boolean requiresRestore() {
        return requiresRestore;
    }

    /** Bytes billed at this class's rate for an object of {@code size} bytes (A8). */
    public long billableBytes(long size) {
        long b = Math.max(size, minBillableBytes);
        return requiresRestore ? b + ARCHIVE_OVERHEAD_BYTES : b;
    }

    /** Bytes billed at STANDARD's rate on behalf of an object in this class (the 8 KB of A8). */
    public long standardOverheadBytes() {
        return requiresRestore ? STANDARD_OVERHEAD_BYTES : 0;
    }

    /** The class of an API name such as {@code GLACIER}, case-insensitively. */
    public static Optional<StorageClass> parse(String name) {
        for (StorageClass c : values()) {
            if (c.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

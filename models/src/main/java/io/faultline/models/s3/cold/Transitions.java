package io.faultline.models.s3.cold;

import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The lifecycle transition waterfall of FIDELITY A9.1: which class an object may move to from
 * its current class. Nothing moves to STANDARD; anything may move to DEEP_ARCHIVE; each class
 * moves only "down" the table.
 *
 * <pre>{@code
 * Transitions.allowed(StorageClass.GLACIER, StorageClass.STANDARD_IA);   // false
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Transitions {
    private Transitions() {
    }

    /** Classes a lifecycle rule may name as a transition target (A9.1, {@code TransitionStorageClass}). */
    public static final Set<StorageClass> TARGETS = EnumSet.of(StorageClass.STANDARD_IA, StorageClass.ONEZONE_IA,
            StorageClass.INTELLIGENT_TIERING, StorageClass.GLACIER_IR, StorageClass.GLACIER, StorageClass.DEEP_ARCHIVE);

    /** True if A9.1's table has a check mark at ({@code from}, {@code to}). */
    public static boolean allowed(StorageClass from, StorageClass to) {
        if (from == to || !TARGETS.contains(to)) {
            return false;
        }
        switch (from) {
            case STANDARD:
                return true;
            case STANDARD_IA:
                return true;
            case INTELLIGENT_TIERING:
                return to != StorageClass.STANDARD_IA;
            case ONEZONE_IA:
            case GLACIER_IR:
                return to == StorageClass.GLACIER || to == StorageClass.DEEP_ARCHIVE;
            case GLACIER:
                return to == StorageClass.DEEP_ARCHIVE;
            default:
                return false;
        }
    }
}

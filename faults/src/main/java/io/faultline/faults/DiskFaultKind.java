package io.faultline.faults;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What goes wrong with a host's disk: its unsynced writes are lost (as on a power cut), a stored
 * block is corrupted (detected by checksums on read), or the disk is full (writes fail).
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum DiskFaultKind {
    LOSE_UNSYNCED, CORRUPT, FULL;

    /** The name in schedule files, e.g. {@code lose-unsynced}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> names() {
        return List.of("lose-unsynced", "corrupt", "full");
    }

    public static Optional<DiskFaultKind> parse(String text) {
        for (DiskFaultKind k : values()) {
            if (k.text().equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

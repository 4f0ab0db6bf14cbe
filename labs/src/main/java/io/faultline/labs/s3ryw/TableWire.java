package io.faultline.labs.s3ryw;

import io.faultline.sim.Message;
import java.util.Optional;
import java.util.SortedMap;

/** The messages between a {@link LinearizableTable} client and the {@link TableServer}. */
final class TableWire {
    private TableWire() {
    }

    /** One request of the table's four. */
    sealed interface Op {
    }

    record Get(String key) implements Op {
    }

    /** Writes {@code value}; with {@code expected} present, only if the row holds it (empty expected: none). */
    record Put(String key, Optional<Optional<String>> expected, String value) implements Op {
    }

    record Scan(String prefix) implements Op {
    }

    record Request(long id, Op op) implements Message {
    }

    /** {@code value}: the row's value (get, put), or null-free empty for a missing row; {@code rows} for a scan. */
    record Response(long id, boolean conditionFailed, Optional<String> value, SortedMap<String, String> rows)
            implements Message {
    }
}

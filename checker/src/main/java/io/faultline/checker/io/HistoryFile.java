package io.faultline.checker.io;

import java.util.List;
import java.util.Optional;

import io.faultline.checker.history.History;
import org.apiguardian.api.API;

/**
 * A history read from a file, with where each of its ops was written, so that a problem found later
 * (e.g. a completion without an invocation) can still be reported as {@code file:line:column}.
 *
 * <pre>{@code
 * HistoryFile h = HistoryReaders.read(Path.of("etcd_000.log"), HistoryFormat.AUTO);
 * Op first = h.history().get(0);
 * String where = h.describe(first.index());   // "etcd_000.log:1:1"
 * }</pre>
 *
 * @param source    the file name as the user gave it
 * @param format    the format it was read as (never {@link HistoryFormat#AUTO})
 * @param history   the ops, renumbered from 0 (skipped ops such as the nemesis' leave no gap)
 * @param positions the position of op {@code i} at index {@code i}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record HistoryFile(String source, HistoryFormat format, History history, List<SourcePosition> positions) {

    public HistoryFile {
        positions = List.copyOf(positions);
        if (positions.size() != history.size()) {
            throw new IllegalArgumentException(
                    "one position per op: " + positions.size() + " positions, " + history.size() + " ops");
        }
    }

    /** Where op {@code index} of {@link #history()} was written. */
    public Optional<SourcePosition> positionOf(long index) {
        return index >= 0 && index < positions.size()
                ? Optional.of(positions.get((int) index))
                : Optional.empty();
    }

    /** {@code file:line:column} of op {@code index}, or just the file if there is no such op. */
    public String describe(long index) {
        return positionOf(index).map(p -> source + ":" + p).orElse(source);
    }

    /** An error about op {@code index}, located where that op was written. */
    public HistoryFormatException errorAt(long index, String reason) {
        SourcePosition p = positionOf(index).orElse(new SourcePosition(1, 1));
        return new HistoryFormatException(source, p, reason);
    }
}

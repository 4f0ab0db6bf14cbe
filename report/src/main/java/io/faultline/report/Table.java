package io.faultline.report;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A table a model contributes to its report (e.g. per-partition offsets, per-tier retrieval counts).
 *
 * <pre>{@code
 * new Table("Partitions", List.of("partition", "leader", "high watermark"),
 *         List.of(List.of("p0", "b1", "120"), List.of("p1", "b3", "98")));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Table(String title, List<String> header, List<List<String>> rows) {
    public Table {
        Objects.requireNonNull(title, "title");
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}

package io.faultline.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A named table a model contributes to the report (e.g. per-partition offsets).
 *
 * @param name    a title
 * @param columns column headers
 * @param rows    cells as text, each row as long as {@code columns}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Table(String name, List<String> columns, List<List<String>> rows) {
    public Table {
        columns = List.copyOf(columns);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " does not have " + columns.size() + " cells");
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }
}

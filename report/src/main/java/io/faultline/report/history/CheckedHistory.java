package io.faultline.report.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.faultline.checker.CheckReport;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Partitions;
import org.apiguardian.api.API;

/**
 * One history file and the result of checking it against a model: what every view (text, JSON,
 * HTML) of a check is rendered from.
 *
 * <pre>{@code
 * HistoryFile file = HistoryReaders.read(Path.of("etcd_000.log"), HistoryFormat.AUTO);
 * Model<?> model = Models.byName("cas-register-etcd");
 * CheckedHistory c = new CheckedHistory(file, model, Linearizability.check(file.history(), model));
 * System.out.println(CheckText.render(c));
 * }</pre>
 *
 * @param file   the history as read, with the position of each op
 * @param model  the model it was checked against
 * @param report the checker's answer
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CheckedHistory(HistoryFile file, Model<?> model, CheckReport report) {

    public CheckedHistory {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
    }

    /** The per-key sub-histories for a keyed model, in order of first appearance; empty otherwise. */
    public Optional<Map<Value, List<Op>>> parts() {
        try {
            return model.partition(file.history()).map(split -> {
                Map<Value, List<Op>> parts = new LinkedHashMap<>();
                split.forEach((key, at) -> parts.put(key, Partitions.ops(file.history(), at)));
                return parts;
            });
        } catch (IllegalArgumentException e) {
            // The checker accepted the history, so this does not happen; show it whole if it does.
            return Optional.empty();
        }
    }
}

package io.faultline.report.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.Linearizability;
import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.SourcePosition;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;
import io.faultline.report.Section;
import io.faultline.report.history.CheckHtml;
import io.faultline.report.history.CheckedHistory;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;

/**
 * The history timeline of each linearizability check of a run, as {@code faultline check --report}
 * draws it: lanes per client, the failing op, the linearized prefix and the possible states.
 *
 * <p>A run's check result keeps only its one-line detail, so the report checks the recorded history
 * again: a check named like {@code linearizable per key (s3-object)} names its model in brackets;
 * the ops of the run's history that model knows are checked with it on one thread, which is
 * deterministic, so the counterexample drawn is the one the run found.
 */
final class LinearizabilitySections {
    private static final Pattern MODEL = Pattern.compile("^linearizab.*\\(([a-z0-9-]+)\\)$");

    private LinearizabilitySections() {
    }

    static List<Section> of(RunResult r) {
        List<Section> out = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            Matcher m = MODEL.matcher(c.name());
            if (!m.find()) {
                continue;
            }
            Model<?> model;
            try {
                model = Models.byName(m.group(1));
            } catch (IllegalArgumentException unknownModel) {
                continue;
            }
            for (Map.Entry<String, History> h : r.histories().entrySet()) {
                Optional<HistoryFile> file = file(h.getKey(), h.getValue(), model);
                if (file.isEmpty()) {
                    continue;
                }
                CheckReport report = Linearizability.check(file.get().history(), model,
                        CheckOptions.defaults().withThreads(1).withTimeLimit(Duration.ofSeconds(30)));
                Section s = CheckHtml.section(new CheckedHistory(file.get(), model, report));
                out.add(new Section(c.name() + ": history " + h.getKey(), s.html()));
                break;
            }
        }
        return out;
    }

    /**
     * The ops of {@code history} that {@code model} knows, as a file whose op N sits on "line" N + 1
     * (where {@code history s3:13:1} points to op 12 of what was checked).
     */
    static Optional<HistoryFile> file(String name, History history, Model<?> model) {
        List<Op> ops = new ArrayList<>();
        for (Op op : history) {
            if (model.functions().contains(op.f())) {
                ops.add(op);
            }
        }
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        History kept = History.of(ops);
        List<SourcePosition> positions = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            positions.add(new SourcePosition(i + 1, 1));
        }
        return Optional.of(new HistoryFile("history " + name, HistoryFormat.JSONL, kept, positions));
    }
}

package io.faultline.report.history;

import io.faultline.report.HtmlReport;
import io.faultline.report.html.Html;
import io.faultline.report.html.Zoom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.faultline.checker.Counterexample;
import io.faultline.checker.KeyResult;
import io.faultline.checker.Outcome;
import io.faultline.checker.Verdict;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;
import org.apiguardian.api.API;

/**
 * The self-contained HTML page of one or more checks (no network, no external files: CSS, script
 * and SVG are inline): a summary table, then per history its text summary and timeline; for a keyed
 * model one timeline per key, the failing key's open. Invalid and undecided histories are open,
 * valid ones folded.
 *
 * <pre>{@code
 * Files.writeString(Path.of("check.html"), CheckHtml.render(List.of(checked)));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CheckHtml {

    private CheckHtml() {
    }

    public static String render(List<CheckedHistory> checks) {
        StringBuilder s = new StringBuilder(64 * 1024);
        Outcome all = Outcome.VALID;
        for (CheckedHistory c : checks) {
            all = all.and(c.report().outcome());
        }
        // The run reports' page: same header, sections and stylesheet.
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>faultline check — ").append(all).append("</title>\n<style>\n")
                .append(HtmlReport.stylesheet()).append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header><h1><span class=\"brand\">faultline</span> check</h1><span class=\"badge ")
                .append(all).append("\">").append(all).append("</span><span class=\"mono\">").append(checks.size())
                .append(checks.size() == 1 ? " history" : " histories").append("</span></header>\n<main>\n")
                .append("<section id=\"summary\"><h2>Histories</h2>\n");
        summary(s, checks);
        s.append("</section>\n<div class=\"fl-check\">\n");
        for (int i = 0; i < checks.size(); i++) {
            s.append("<section>\n").append(LEGEND);
            history(s, checks.get(i), i);
            s.append("</section>\n");
        }
        s.append("</div>\n<footer>faultline check · the same file and model give the same page.</footer>\n</main>\n")
                .append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return s.toString();
    }

    /**
     * The view of one check as a fragment for another page (e.g. a run report's {@code Section}):
     * self-contained, with its styles scoped under {@code .fl-check} so they do not touch the host
     * page's own timelines.
     */
    public static io.faultline.report.Section section(CheckedHistory c) {
        StringBuilder s = new StringBuilder(16 * 1024);
        s.append("<div class=\"fl-check\">\n<style>\n").append(CSS).append("</style>\n").append(LEGEND);
        history(s, c, 0);
        s.append("<script>\n").append(SCRIPT).append("</script>\n</div>\n");
        return new io.faultline.report.Section("Linearizability of " + c.file().source(), s.toString());
    }

    private static void summary(StringBuilder s, List<CheckedHistory> checks) {
        s.append("<table class=\"summary\">\n<tr><th>history</th><th>model</th><th>verdict</th><th>ops</th>")
                .append("</tr>\n");
        for (int i = 0; i < checks.size(); i++) {
            CheckedHistory c = checks.get(i);
            Outcome o = c.report().outcome();
            s.append("<tr><td><a href=\"#h").append(i).append("\">").append(Html.escape(c.file().source()))
                    .append("</a></td><td>").append(Html.escape(c.model().name())).append("</td><td class=\"verdict ")
                    .append(o).append("\">").append(o).append("</td><td>").append(c.file().history().size())
                    .append("</td></tr>\n");
        }
        s.append("</table>\n");
    }

    private static void history(StringBuilder s, CheckedHistory c, int i) {
        Outcome o = c.report().outcome();
        Optional<Counterexample> ce = c.report().verdict() instanceof Verdict.Invalid inv
                ? Optional.of(inv.counterexample()) : Optional.empty();
        s.append("<section class=\"history ").append(o).append("\" id=\"h").append(i).append("\">\n<h2>")
                .append(Html.escape(c.file().source())).append(" <span class=\"verdict ").append(o).append("\">")
                .append(o).append("</span></h2>\n<pre class=\"text\">").append(Html.escape(CheckText.render(c)))
                .append("</pre>\n");
        Optional<Map<Value, List<Op>>> parts = c.parts();
        if (parts.isPresent()) {
            int keyNumber = 0;
            for (Map.Entry<Value, List<Op>> part : parts.get().entrySet()) {
                Value key = part.getKey();
                Optional<Counterexample> here = ce.filter(x -> x.key().equals(Optional.of(key)));
                Optional<Verdict> kv = c.report().keys().stream().filter(k -> k.key().equals(key))
                        .map(KeyResult::verdict).findFirst();
                Outcome ko = kv.map(Verdict::outcome).orElse(o);
                // UNKNOWN elsewhere means a bound was hit; a key skipped once another failed was just not checked.
                boolean skipped = kv.filter(v -> v instanceof Verdict.Unknown u && u.reason().startsWith("not checked"))
                        .isPresent();
                String shown = skipped ? "not checked" : ko.name();
                s.append("<details class=\"key ").append(ko).append("\"").append(here.isPresent() ? " open" : "")
                        .append(" data-key=\"").append(Html.escape(key.toString())).append("\"><summary>key ")
                        .append(Html.escape(key.toString())).append(": <span class=\"verdict ").append(skipped ? "SKIPPED" : ko)
                        .append("\">").append(shown).append("</span>")
                        .append(skipped ? " (another key was already not linearizable)" : "").append(", ")
                        .append(part.getValue().size()).append(" ops</summary>\n")
                        .append(Zoom.wrap(TimelineSvg.render(Timeline.of(c.file().history(), part.getValue()), c.file(), here,
                                c.model()), "h" + i + "-k" + (keyNumber++), "scroll"))
                        .append("\n</details>\n");
            }
        } else {
            s.append("<details class=\"whole\"").append(o == Outcome.VALID ? "" : " open")
                    .append("><summary>timeline, ").append(c.file().history().size()).append(" ops</summary>\n")
                    .append(Zoom.wrap(TimelineSvg.render(Timeline.of(c.file().history(), c.file().history().ops()),
                            c.file(), ce, c.model()), "h" + i, "scroll"))
                    .append("\n</details>\n");
        }
        s.append("</section>\n");
    }

    private static final String LEGEND = "<p class=\"legend\">Each lane is a process; a bar runs from an"
            + " operation's invocation to its completion. <span class=\"swatch ok\"></span> ok"
            + " <span class=\"swatch fail\"></span> fail <span class=\"swatch info\"></span> info or never completed"
            + " (may take effect any time later) <span class=\"swatch failing\"></span> the operation that cannot be"
            + " linearized, with its window shaded and its name under the lanes; dots joined by a line: the longest"
            + " linearizable prefix, in order. Hover a dot for the state after that op, the last one for every state"
            + " the checker found possible; hover or click an operation for its details.</p>\n";

    /** Everything under {@code .fl-check}, so that a host page's classes ({@code lane}, {@code tick}...) are left alone. */
    private static final String CSS = """
            .fl-check h2 { font-size: 1.1em; margin-top: 1.6em; }
            .fl-check .verdict { font-weight: 600; } .fl-check .verdict.VALID { color: #18794e; } .fl-check .verdict.INVALID { color: #c62828; } .fl-check .verdict.UNKNOWN { color: #a15c00; }
            .fl-check pre.text { background: #f6f6f4; padding: 8px 10px; overflow-x: auto; }
            .fl-check .scroll { border: 1px solid #ddd; margin: 6px 0 12px; }
            .fl-check details > summary { cursor: pointer; margin: 4px 0; }
            .fl-check svg.timeline text { font: 11px ui-monospace, monospace; }
            .fl-check svg .lane { fill: #fff; } .fl-check svg .lane.even { fill: #f7f7f7; }
            .fl-check svg .process { fill: #555; } .fl-check svg .axis { fill: #777; } .fl-check svg .tick { stroke: #e3e3e3; }
            .fl-check svg .op rect { fill: #cfe3f7; stroke: #5b8fc7; } .fl-check svg .op text { fill: #123; pointer-events: none; }
            .fl-check svg .op.fail rect { fill: #e8e8e8; stroke: #aaa; } .fl-check svg .op.fail text { fill: #888; }
            .fl-check svg .op.info rect, .fl-check svg .op.pending rect { fill: #fff3d6; stroke: #d39b2a; stroke-dasharray: 4 2; }
            .fl-check svg .op.failing rect { fill: #ffd3d3; stroke: #c62828; stroke-width: 2.5; stroke-dasharray: none; }
            .fl-check svg .op:hover rect, .fl-check svg .op.selected rect { stroke: #000; }
            .fl-check svg .failing-window { fill: #c62828; opacity: .13; }
            .fl-check svg .lin-path { fill: none; stroke: #18794e; stroke-width: 1.2; }
            .fl-check svg .lin-point { fill: #18794e; }
            .fl-check svg .failing-label { fill: #c62828; font-weight: 700; }
            .fl-check .verdict.SKIPPED { color: #5d6778; font-weight: 400; font-style: italic; }
            .fl-check .legend .swatch { display: inline-block; width: 18px; height: 10px; border: 1px solid #5b8fc7; background: #cfe3f7; vertical-align: middle; }
            .fl-check .legend .swatch.fail { background: #e8e8e8; border-color: #aaa; } .fl-check .legend .swatch.info { background: #fff3d6; border: 1px dashed #d39b2a; }
            .fl-check .legend .swatch.failing { background: #ffd3d3; border: 2px solid #c62828; }
            .fl-detail { position: fixed; right: 12px; bottom: 12px; max-width: 46em; white-space: pre-wrap; background: #fffde8; border: 1px solid #cbb; padding: 8px 10px; font: 12px ui-monospace, monospace; box-shadow: 0 2px 8px rgba(0,0,0,.15); z-index: 10; }
            """;

    /** Click an operation to pin its details in a corner panel; installed once per page. */
    private static final String SCRIPT = """
            (function () {
              if (window.faultlineCheckView) { return; }
              window.faultlineCheckView = true;
              var panel = document.createElement('div');
              panel.className = 'fl-detail';
              panel.hidden = true;
              document.body.appendChild(panel);
              // A timeline wider than its box opens scrolled to its failing op.
              document.querySelectorAll('.fl-check .fit').forEach(function (box) {
                var f = box.querySelector('.op.failing rect');
                if (f && box.scrollWidth > box.clientWidth) {
                  var r = f.getBoundingClientRect(), b = box.getBoundingClientRect();
                  box.scrollLeft = Math.max(0, r.left - b.left - box.clientWidth / 2);
                }
              });
              document.addEventListener('click', function (e) {
                var g = e.target.closest ? e.target.closest('.fl-check .op, .fl-check .lin-point') : null;
                document.querySelectorAll('.fl-check .op.selected').forEach(function (x) { x.classList.remove('selected'); });
                if (!g) { panel.hidden = true; return; }
                g.classList.add('selected');
                var t = g.querySelector('title');
                panel.textContent = t ? t.textContent : '';
                panel.hidden = false;
              });
            })();
            """;
}

package io.faultline.report;

import static io.faultline.report.html.Html.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.faultline.report.chart.ChartSvg;
import io.faultline.report.html.Zoom;
import io.faultline.sim.SimTime;
import io.faultline.report.svg.FaultTimeline;
import io.faultline.report.svg.MessageFlow;
import io.faultline.report.svg.MessageWindow;
import org.apiguardian.api.API;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: styles and drawings inline, no
 * scripts, fonts or images from the network, so it can be mailed or attached to a CI run.
 *
 * <pre>{@code
 * Path page = HtmlReport.write(report, Path.of("reports/demo-echo-42.html"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HtmlReport {
    private HtmlReport() {
    }

    /** Writes the page, creating missing parent folders, and returns its path. */
    public static Path write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
        return file;
    }

    /** Rows of a findings table shown before it scrolls. */
    private static final int TALL_ROWS = 15;

    public static String render(RunReport r) {
        RunSummary s = r.summary();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(s.scenario())).append(" seed ").append(s.seed())
                .append(" — ").append(s.verdict()).append(" — faultline</title>\n<style>\n").append(stylesheet())
                .append("</style>\n</head>\n<body>\n");
        h.append("<header><h1><span class=\"brand\">faultline</span> ").append(escape(s.scenario()))
                .append("</h1><span class=\"badge ").append(s.verdict()).append("\">").append(s.verdict())
                .append("</span><span class=\"mono\">seed ").append(s.seed()).append("</span></header>\n<main>\n");
        overview(h, r);
        checks(h, s);
        tables(h, s.findings(), true); // what the checks judged, item by item: next to their verdicts
        configuration(h, r.settings());
        h.append("<section id=\"faults\"><h2>Faults over time</h2>\n")
                .append(Zoom.wrap(FaultTimeline.render(r.faults(), faultLanes(r), s.simulatedNanos(), r.firstViolationNanos()),
                        "faults", ""))
                .append("</section>\n");
        MessageWindow window = MessageWindow.select(r.messages(), r.messagesInRun(), r.moments(),
                MessageWindow.Size.NARROW);
        h.append("<section id=\"messages\"><h2>Message flow</h2>\n<p class=\"note\">").append(escape(window.note()))
                .append(" Time flows down; hover an arrow for the message. Lost messages end in a red cross.</p>\n")
                .append(Zoom.wrap(MessageFlow.render(window, r.hosts(), r.firstViolationNanos()), "flow", "flow-box"))
                .append("\n");
        MessageWindow wide = MessageWindow.select(r.messages(), r.messagesInRun(), r.moments(), MessageWindow.Size.WIDE);
        if (wide.drawn() > window.drawn()) {
            h.append("<details class=\"wider\"><summary>Wider windows: ").append(String.format(Locale.ROOT, "%,d", wide.drawn()))
                    .append(" messages around more moments</summary>\n<p class=\"note\">").append(escape(wide.note()))
                    .append("</p>\n")
                    .append(Zoom.wrap(MessageFlow.render(wide, r.hosts(), r.firstViolationNanos()), "flow-wide", "flow-box"))
                    .append("</details>\n");
        }
        h.append("</section>\n");
        charts(h, r.charts());
        tables(h, r.tables(), false);
        for (Section section : r.sections()) {
            h.append("<section><h2>").append(escape(section.title())).append("</h2>\n").append(section.html())
                    .append("\n</section>\n");
        }
        h.append("<footer>faultline report · same seed, same scenario, same code: the same run.</footer>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void overview(StringBuilder h, RunReport r) {
        RunSummary s = r.summary();
        h.append("<section id=\"overview\"><h2>Run</h2>\n");
        if (!r.description().isEmpty()) {
            h.append("<p>").append(escape(r.description())).append("</p>\n");
        }
        h.append("<table class=\"kv\">\n");
        row(h, "scenario", "<code>" + escape(s.scenario()) + "</code>");
        row(h, "seed", "<code>" + s.seed() + "</code>");
        row(h, "verdict", "<span class=\"badge " + s.verdict() + "\">" + s.verdict() + "</span>");
        row(h, "simulated time", escape(SimTime.format(s.simulatedNanos())));
        row(h, "events", String.format(Locale.ROOT, "%,d", s.events()));
        row(h, "messages", String.format(Locale.ROOT, "%,d", r.messagesInRun()));
        row(h, "trace hash", "<code>" + escape(s.traceHash()) + "</code>");
        row(h, "wall time", s.wallMillis() + " ms");
        if (s.peakHeapBytes() > 0) {
            row(h, "peak heap (estimate)", String.format(Locale.ROOT, "%,d MB", (s.peakHeapBytes() + (1 << 20) - 1) >> 20));
        }
        h.append("</table>\n");
        if (!r.replayCommand().isEmpty()) {
            h.append("<p class=\"note\">Replay this exact run:</p><pre class=\"replay\">")
                    .append(escape(r.replayCommand())).append("</pre>\n");
        }
        h.append("</section>\n");
    }

    private static void checks(StringBuilder h, RunSummary s) {
        h.append("<section id=\"checks\"><h2>Checks</h2>\n");
        if (s.checks().isEmpty()) {
            h.append("<p class=\"note\">This scenario declares no checks.</p>\n");
        } else {
            h.append("<table><tr><th>check</th><th>verdict</th><th>detail</th></tr>\n");
            for (CheckLine c : s.checks()) {
                h.append("<tr><td><code>").append(escape(c.name())).append("</code></td><td class=\"verdict-")
                        .append(c.verdict()).append("\">").append(c.verdict()).append("</td><td>")
                        .append(escape(c.detail())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void configuration(StringBuilder h, Map<String, String> settings) {
        h.append("<section id=\"configuration\"><h2>Configuration</h2>\n");
        if (settings.isEmpty()) {
            h.append("<p class=\"note\">No settings.</p>\n");
        } else {
            h.append("<table class=\"kv\">\n");
            settings.forEach((k, v) -> row(h, escape(k), "<code>" + escape(v) + "</code>"));
            h.append("</table>\n");
        }
        h.append("</section>\n");
    }

    private static void charts(StringBuilder h, List<Chart> charts) {
        if (charts.isEmpty()) {
            return;
        }
        h.append("<section id=\"charts\"><h2>Charts</h2>\n");
        int i = 0;
        for (Chart c : charts) {
            h.append("<div class=\"chart scroll\">").append(ChartSvg.render(c, "chart" + (++i))).append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** Findings tables scroll within a box past a screenful of rows, so the report goes on below them. */
    private static void tables(StringBuilder h, List<Table> tables, boolean findings) {
        for (Table t : tables) {
            h.append(findings ? "<section class=\"findings\">" : "<section>").append("<h2>").append(escape(t.title()))
                    .append("</h2>\n");
            if (t.rows().isEmpty()) {
                h.append("<p class=\"note\">None.</p></section>\n");
                continue;
            }
            boolean tall = findings && t.rows().size() > TALL_ROWS;
            if (tall) {
                h.append("<p class=\"note\">").append(t.rows().size()).append(" rows; the table scrolls.</p>\n");
            }
            h.append(tall ? "<div class=\"scroll tall\">" : "<div class=\"scroll\">").append("<table><tr>");
            for (String col : t.header()) {
                h.append("<th>").append(escape(col)).append("</th>");
            }
            h.append("</tr>\n");
            for (List<String> row : t.rows()) {
                h.append("<tr>");
                for (String cell : row) {
                    h.append(isNumber(cell) ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table></div></section>\n");
        }
    }

    /** The timeline shows a lane per host and one for the network, even when nothing hit them. */
    private static List<String> faultLanes(RunReport r) {
        List<String> lanes = new ArrayList<>(r.hosts());
        lanes.add("network");
        return lanes;
    }

    private static void row(StringBuilder h, String key, String valueHtml) {
        h.append("<tr><th>").append(key).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static boolean isNumber(String cell) {
        return cell.matches("-?[0-9][0-9,_]*(\\.[0-9]+)?%?");
    }

    /** Text escaped for HTML, for pages of other modules styled as the reports are (a lab's grade page). */
    public static String escape(String text) {
        return io.faultline.report.html.Html.escape(text);
    }

    /** The stylesheet of every faultline page (run reports and {@code check} reports alike). */
    public static String stylesheet() {
        return css() + Zoom.CSS;
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

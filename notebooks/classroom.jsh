// The helpers every notebook loads (%load classroom.jsh), after faultline's jar (%jar ...).
// They only turn faultline's results into something to look at; the notebooks do the rest.
// No two share a name: in JShell a method's own name hides another snippet's overload of it.
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import io.faultline.checker.Outcome;

/** Runs a catalog scenario with this seed and these key=value settings. */
RunResult run(String scenario, long seed, String... settings) {
    Scenario s = Scenarios.get(scenario);
    return s.run(s.spec(seed, List.of(settings), Optional.empty()));
}

/** One line per check: what the checkers concluded from what the clients saw. */
void printChecks(RunResult r) {
    System.out.println(r.scenario() + " seed " + r.seed() + r.settings().entrySet().stream()
            .filter(e -> List.of("s3.consistency", "kafka.version", "unclean.leader.election.enable").contains(e.getKey()))
            .map(e -> " " + e).reduce("", String::concat) + ": " + r.outcome());
    for (var c : r.checks()) {
        String d = c.detail().length() > 220 ? c.detail().substring(0, 220) + "..." : c.detail();
        System.out.println("  " + c.outcome() + "  " + c.name() + ": " + d);
    }
}

/** HTML-escapes a text. */
String esc(Object o) {
    return String.valueOf(o).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
}

/** A table as HTML, shown in the notebook. */
void showTable(String title, List<String> columns, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table><caption style=\"text-align:left\"><b>" + esc(title) + "</b></caption><tr>");
    columns.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
    b.append("</tr>");
    for (List<String> row : rows) {
        b.append("<tr>");
        row.forEach(v -> b.append("<td>").append(esc(v)).append("</td>"));
        b.append("</tr>");
    }
    display("text/html", b.append("</table>").toString());
}

/** A table a scenario produced (its name, columns and rows). */
void showRunTable(io.faultline.sim.scenario.Table t) {
    showTable(t.name(), t.columns(), t.rows());
}

/** Line charts of series from a run, drawn by the report module (SVG). */
void showChart(String title, String xLabel, String yLabel, List<io.faultline.sim.scenario.Series> series) {
    var lines = series.stream().map(s -> new io.faultline.report.Chart.Series(s.name(),
            s.points().stream().map(p -> new io.faultline.report.Chart.Point(p.x(), p.y())).toList())).toList();
    String id = "c" + Integer.toHexString(title.hashCode());
    display("text/html", io.faultline.report.chart.ChartSvg.render(
            new io.faultline.report.Chart.Line(title, xLabel, yLabel, lines), id));
}

/** A whole HTML page (a report, a check) in a frame, so that its styles stay its own. */
void showPage(String page) {
    display("text/html", "<iframe style=\"width:100%;height:36rem;border:1px solid #ccc\" srcdoc=\""
            + page.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>");
}

/** The command that replays a catalog run: its scenario, seed and the settings it changed. */
String replayOf(RunResult r) {
    Map<String, String> defaults = Scenarios.get(r.scenario()).spec(r.seed()).settings().asStrings();
    return "./faultline run " + r.scenario() + " --seed " + r.seed() + r.settings().entrySet().stream()
            .filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
            .map(e -> " --set " + e.getKey() + "=" + e.getValue()).reduce("", String::concat);
}

/** The run's full HTML report (what ./faultline run writes), with the command that replays it. */
void showReport(RunResult r, String replay) {
    Scenario s = Scenarios.get(r.scenario());
    showPage(io.faultline.report.HtmlReport.render(io.faultline.report.run.RunReports.report(
            r, io.faultline.report.run.RunReports.summary(r, 0), s.description(), replay)));
}

/** What the notebook's prose claims, checked: a run that contradicts the text stops the notebook. */
void expect(boolean claim, String what) {
    if (!claim) {
        throw new IllegalStateException("the notebook says " + what + ", but this run does not show it");
    }
    System.out.println("as the text says: " + what);
}


package io.faultline.report.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.report.Chart;
import io.faultline.report.CheckLine;
import io.faultline.report.FaultSpan;
import io.faultline.report.MessageArrow;
import io.faultline.report.Moment;
import io.faultline.report.RunReport;
import io.faultline.report.RunSummary;
import io.faultline.report.Table;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Trace;
import io.faultline.sim.TraceKind;
import io.faultline.sim.scenario.Durations;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Series;
import org.apiguardian.api.API;

/**
 * Builds a report's values from a kernel {@link RunResult}.
 *
 * <pre>{@code
 * RunResult result = scenario.run(spec);
 * RunSummary summary = RunReports.summary(result, wallMillis);
 * RunReport page = RunReports.report(result, summary, scenario.description(), "./faultline run demo/echo --seed 42");
 * HtmlReport.write(page, Path.of("reports/demo-echo-42.html"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class RunReports {
    private RunReports() {
    }

    public static RunSummary summary(RunResult r, long wallMillis) {
        List<CheckLine> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            checks.add(new CheckLine(c.name(), c.outcome(), c.detail()));
        }
        List<Table> findings = new ArrayList<>();
        for (io.faultline.sim.scenario.Table t : r.findings()) {
            findings.add(table(t));
        }
        return new RunSummary(r.scenario(), r.seed(), r.outcome(), checks, findings, r.traceHash(), r.eventCount(),
                r.simulatedNanos(), wallMillis, 0, Optional.empty());
    }

    /**
     * @param summary       the summary to show (e.g. from {@link #summary}, with the report's path)
     * @param description   the scenario's description
     * @param replayCommand the command that replays the run
     */
    public static RunReport report(RunResult r, RunSummary summary, String description, String replayCommand) {
        List<MessageArrow> messages = messages(r.messages());
        List<FaultSpan> faults = FaultSpans.from(r.faults(), r.simulatedNanos());
        RunReport.Builder b = RunReport.builder(summary)
                .description(description)
                .setting("duration", Durations.format(r.durationNanos()))
                .settings(r.settings())
                .hosts(hosts(messages, faults))
                .faults(faults)
                .messages(messages)
                .messagesInRun(r.eventCounts().getOrDefault(TraceKind.DELIVER, 0L)
                        + r.eventCounts().getOrDefault(TraceKind.DROP, 0L))
                .replayCommand(replayCommand);
        r.firstViolationNanos().ifPresent(b::firstViolationAt);
        b.moments(moments(r.moments()));
        for (Series s : r.series()) {
            List<Chart.Point> points = new ArrayList<>();
            for (Series.Point p : s.points()) {
                points.add(new Chart.Point(p.x(), p.y()));
            }
            b.chart(new Chart.Line(s.name(), s.xLabel(), s.yLabel(), List.of(new Chart.Series(s.name(), points))));
        }
        for (io.faultline.sim.scenario.Table t : r.tables()) {
            b.table(table(t));
        }
        if (!r.histories().isEmpty()) {
            b.table(histories(r.histories()));
        }
        LinearizabilitySections.of(r).forEach(b::section);
        b.table(eventsByKind(r.eventCounts()));
        return b.build();
    }

    private static Table table(io.faultline.sim.scenario.Table t) {
        return new Table(t.name(), t.columns(), t.rows());
    }

    /** The trace's counts per kind of event, leaving out kinds that never happened. */
    static Table eventsByKind(Map<TraceKind, Long> counts) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((kind, n) -> {
            if (n > 0) {
                rows.add(List.of(kind.name().toLowerCase(java.util.Locale.ROOT), String.format(java.util.Locale.ROOT, "%,d", n)));
            }
        });
        return new Table("Events by kind", List.of("kind", "events"), rows);
    }

    /** What clients saw, counted: the checkers' input at a glance. */
    static Table histories(Map<String, History> histories) {
        List<List<String>> rows = new ArrayList<>();
        histories.forEach((name, h) -> {
            Map<OpType, Integer> counts = new EnumMap<>(OpType.class);
            Set<Integer> processes = new TreeSet<>();
            for (Op op : h) {
                counts.merge(op.type(), 1, Integer::sum);
                processes.add(op.process());
            }
            rows.add(List.of(name, String.valueOf(h.size()), String.valueOf(processes.size()),
                    String.valueOf(counts.getOrDefault(OpType.INVOKE, 0)), String.valueOf(counts.getOrDefault(OpType.OK, 0)),
                    String.valueOf(counts.getOrDefault(OpType.FAIL, 0)), String.valueOf(counts.getOrDefault(OpType.INFO, 0))));
        });
        return new Table("Histories (what clients saw)",
                List.of("history", "events", "processes", "invoke", "ok", "fail", "info (outcome unknown)"), rows);
    }

    /** Messages in send order (the trace keeps them in the order they were delivered or dropped). */
    static List<MessageArrow> messages(List<Trace.MessageEvent> events) {
        List<MessageArrow> out = new ArrayList<>(events.size());
        for (Trace.MessageEvent e : events) {
            boolean delivered = e.fate() == Trace.Fate.DELIVERED;
            String label = delivered ? e.summary() : e.summary() + " [" + fate(e.fate()) + "]";
            out.add(new MessageArrow(e.from(), e.to(), e.sentNanos(),
                    delivered ? OptionalLong.of(e.endNanos()) : OptionalLong.empty(), label));
        }
        out.sort(Comparator.comparingLong(MessageArrow::sentNanos)); // stable: ties keep trace order
        return out;
    }

    private static String fate(Trace.Fate fate) {
        if (fate == Trace.Fate.LOST) {
            return "lost by the network";
        }
        if (fate == Trace.Fate.CUT) {
            return "cut by a partition";
        }
        return fate == Trace.Fate.HOST_DOWN ? "addressee down" : fate.name();
    }

    /** Hosts in natural order (n2 before n10), so lanes read in the order the model named them. */
    static List<String> hosts(List<MessageArrow> messages, List<FaultSpan> faults) {
        Set<String> names = new LinkedHashSet<>();
        for (MessageArrow m : messages) {
            names.add(m.from());
            names.add(m.to());
        }
        for (FaultSpan f : faults) {
            if (!f.lane().equals(FaultSpans.NETWORK)) {
                names.add(f.lane());
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(RunReports::natural);
        return sorted;
    }

    private static int natural(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        int c = pa.compareTo(pb);
        if (c != 0) {
            return c;
        }
        String na = a.substring(pa.length());
        String nb = b.substring(pb.length());
        if (!na.isEmpty() && !nb.isEmpty() && na.length() <= 18 && nb.length() <= 18) {
            return Long.compare(Long.parseLong(na), Long.parseLong(nb));
        }
        return a.compareTo(b);
    }

    /** The trace's moments as the diagram centres on them (the violation comes as its own). */
    static List<Moment> moments(List<Trace.Moment> moments) {
        List<Moment> out = new ArrayList<>();
        for (Trace.Moment m : moments) {
            Moment.Kind kind = switch (m.kind()) {
                case VIOLATION -> Moment.Kind.VIOLATION;
                case FAULT, CRASH, RESTART, PAUSE, RESUME -> Moment.Kind.FAULT;
                default -> Moment.Kind.EVENT;
            };
            String what = m.kind() == TraceKind.FAULT || m.kind() == TraceKind.LOG
                    ? FaultSpans.human(m.detail()) : m.kind().name().toLowerCase(java.util.Locale.ROOT);
            out.add(new Moment(m.nanos(), kind, m.host().isEmpty() ? what : m.host() + ": " + what));
        }
        return out;
    }
}

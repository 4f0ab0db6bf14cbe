package io.faultline.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Everything a run's HTML page shows, as plain values: built by the command line or the JUnit
 * extension from a run's result, rendered by {@link HtmlReport}.
 *
 * <pre>{@code
 * RunReport report = RunReport.builder(summary)
 *         .description("Two nodes echo messages back")
 *         .setting("nodes", "3")
 *         .hosts(List.of("n1", "n2", "n3"))
 *         .fault(new FaultSpan("n2", "crash", 3_000_000_000L, 3_000_000_000L))
 *         .replayCommand("./faultline run demo/echo --seed 42")
 *         .build();
 * String html = HtmlReport.render(report);
 * }</pre>
 *
 * @param summary             scenario, seed, verdict, checks and counters
 * @param description         one paragraph about the scenario
 * @param settings            the configuration the run used, in display order
 * @param hosts               the hosts in the order their lanes are drawn (others found in messages
 *                            or faults are added after them)
 * @param faults              faults over time
 * @param messages            the messages of the run that were kept, in send order (the diagram
 *                            picks a window)
 * @param messagesInRun       how many messages the run had in all (more than {@code messages} when
 *                            the trace kept only the last ones)
 * @param firstViolationNanos when the first violation happened, if one did and it is known
 * @param moments             what the message-flow diagram centres its windows on (faults, the
 *                            first violation...)
 * @param charts              charts the model contributed
 * @param tables              tables the model contributed
 * @param sections            ready-made fragments, e.g. the checker's history view
 * @param replayCommand       the command that replays this run exactly
 */
@API(status = API.Status.STABLE, since = "0.1")
public record RunReport(RunSummary summary, String description, Map<String, String> settings,
                        List<String> hosts, List<FaultSpan> faults, List<MessageArrow> messages,
                        long messagesInRun, OptionalLong firstViolationNanos, List<Moment> moments, List<Chart> charts, List<Table> tables,
                        List<Section> sections, String replayCommand) {

    public RunReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        hosts = List.copyOf(hosts);
        faults = List.copyOf(faults);
        messages = List.copyOf(messages);
        if (messagesInRun < messages.size()) {
            throw new IllegalArgumentException("messagesInRun " + messagesInRun + " < " + messages.size() + " kept");
        }
        Objects.requireNonNull(firstViolationNanos, "firstViolationNanos");
        moments = List.copyOf(moments);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        sections = List.copyOf(sections);
        Objects.requireNonNull(replayCommand, "replayCommand");
    }

    public static Builder builder(RunSummary summary) {
        return new Builder(summary);
    }

    /** Collects a report's parts one by one; every part but the summary is optional. */
    public static final class Builder {
        private final RunSummary summary;
        private String description = "";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<String> hosts = new ArrayList<>();
        private final List<FaultSpan> faults = new ArrayList<>();
        private final List<MessageArrow> messages = new ArrayList<>();
        private long messagesInRun;
        private OptionalLong firstViolationNanos = OptionalLong.empty();
        private final List<Moment> moments = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private String replayCommand = "";

        private Builder(RunSummary summary) {
            this.summary = Objects.requireNonNull(summary, "summary");
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text);
            return this;
        }

        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder settings(Map<String, String> all) {
            all.forEach(this::setting);
            return this;
        }

        public Builder hosts(List<String> names) {
            hosts.addAll(names);
            return this;
        }

        public Builder fault(FaultSpan fault) {
            faults.add(fault);
            return this;
        }

        public Builder faults(List<FaultSpan> all) {
            faults.addAll(all);
            return this;
        }

        public Builder message(MessageArrow message) {
            messages.add(message);
            return this;
        }

        public Builder messages(List<MessageArrow> all) {
            messages.addAll(all);
            return this;
        }

        /** How many messages the run had, when the trace kept only some (default: those given). */
        public Builder messagesInRun(long count) {
            messagesInRun = count;
            return this;
        }

        public Builder firstViolationAt(long nanos) {
            firstViolationNanos = OptionalLong.of(nanos);
            return this;
        }

        /** Moments to centre the message-flow windows on (the first violation is one already). */
        public Builder moments(List<Moment> all) {
            moments.addAll(all);
            return this;
        }

        public Builder chart(Chart chart) {
            charts.add(chart);
            return this;
        }

        public Builder table(Table table) {
            tables.add(table);
            return this;
        }

        public Builder section(Section section) {
            sections.add(section);
            return this;
        }

        public Builder replayCommand(String command) {
            this.replayCommand = Objects.requireNonNull(command);
            return this;
        }

        public RunReport build() {
            List<Moment> all = new ArrayList<>(moments);
            if (all.isEmpty()) {
                // Made by hand, not from a trace: the faults' starts and ends are the moments.
                for (FaultSpan f : faults) {
                    all.add(new Moment(f.fromNanos(), Moment.Kind.FAULT, f.label()));
                    if (!f.instantaneous()) {
                        all.add(new Moment(f.toNanos(), Moment.Kind.FAULT, "end of " + f.label()));
                    }
                }
            }
            if (firstViolationNanos.isPresent()
                    && all.stream().noneMatch(m -> m.kind() == Moment.Kind.VIOLATION)) {
                all.add(new Moment(firstViolationNanos.getAsLong(), Moment.Kind.VIOLATION, "first violation"));
            }
            return new RunReport(summary, description, settings, hosts, faults, messages,
                    Math.max(messagesInRun, messages.size()), firstViolationNanos, all, charts, tables, sections,
                    replayCommand);
        }
    }
}

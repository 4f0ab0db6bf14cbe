package io.faultline.report.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.faultline.report.FaultSpan;
import io.faultline.sim.SimTime;
import io.faultline.sim.Trace;
import org.apiguardian.api.API;

/**
 * Pairs the trace's fault events into spans for the timeline: a crash lasts until its host
 * restarts, a pause until it resumes, a full disk until it is not, a partition, cut or isolation
 * until the network heals. Events that end nothing and start nothing lasting (a clock jump, a
 * corrupted file, a slowed link) are instants. A span still open when the run ends lasts to the end.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FaultSpans {
    /** The lane of faults that hit the network rather than one host. */
    public static final String NETWORK = "network";

    private FaultSpans() {
    }

    public static List<FaultSpan> from(List<Trace.FaultEvent> events, long runEndNanos) {
        List<FaultSpan> spans = new ArrayList<>();
        // Open spans by a key naming what would close them; insertion order keeps output stable.
        Map<String, Open> open = new LinkedHashMap<>();
        for (Trace.FaultEvent e : events) {
            String lane = e.target().isEmpty() ? NETWORK : e.target();
            String d = e.description();
            if (d.equals("crash") || d.equals("pause") || d.equals("disk full")) {
                open.putIfAbsent(lane + "/" + d, new Open(lane, d.equals("crash") ? "crashed" : d.equals("pause") ? "paused" : d, e.nanos()));
            } else if (d.equals("restart")) {
                close(open.remove(lane + "/crash"), e.nanos(), spans);
            } else if (d.equals("resume")) {
                close(open.remove(lane + "/pause"), e.nanos(), spans);
            } else if (d.equals("disk not full")) {
                close(open.remove(lane + "/disk full"), e.nanos(), spans);
            } else if (d.startsWith("partition ") || d.startsWith("cut ") || d.startsWith("isolate ")) {
                open.putIfAbsent("net/" + d, new Open(lane, d, e.nanos()));
            } else if (d.equals("heal all")) {
                for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext();) {
                    Map.Entry<String, Open> entry = it.next();
                    if (entry.getKey().startsWith("net/")) {
                        close(entry.getValue(), e.nanos(), spans);
                        it.remove();
                    }
                }
            } else if (d.startsWith("heal ")) {
                healLink(open, d.substring("heal ".length()), e.nanos(), spans);
            } else {
                spans.add(new FaultSpan(lane, human(d), e.nanos(), e.nanos()));
            }
        }
        for (Open o : open.values()) {
            close(o, Math.max(o.from, runEndNanos), spans);
        }
        spans.sort((a, b) -> Long.compare(a.fromNanos(), b.fromNanos()));
        return spans;
    }

    /**
     * A fault's text with its nanosecond amounts written for people ({@code clock jump 1500000000ns}
     * reads {@code clock jump 1.5s}): the trace keeps exact nanoseconds, as its hash covers the text.
     */
    static String human(String description) {
        Matcher m = NANOS.matcher(description);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(SimTime.format(Long.parseLong(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern NANOS = Pattern.compile("(-?\\d{1,18})ns\\b");

    /** {@code heal a <-> b} ends the cuts between a and b, in either direction. */
    private static void healLink(Map<String, Open> open, String link, long at, List<FaultSpan> spans) {
        String[] ends = link.split(" <-> ");
        if (ends.length != 2) {
            return;
        }
        for (String cut : List.of("cut " + ends[0] + " <-> " + ends[1], "cut " + ends[1] + " <-> " + ends[0],
                "cut " + ends[0] + " -> " + ends[1], "cut " + ends[1] + " -> " + ends[0])) {
            close(open.remove("net/" + cut), at, spans);
        }
    }

    private static void close(Open o, long at, List<FaultSpan> spans) {
        if (o != null) {
            spans.add(new FaultSpan(o.lane, o.label, o.from, Math.max(o.from, at)));
        }
    }

    private record Open(String lane, String label, long from) {
    }
}

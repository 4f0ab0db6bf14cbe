package io.faultline.report.svg;

import io.faultline.report.html.Html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import io.faultline.report.MessageArrow;
import io.faultline.sim.SimTime;
import org.apiguardian.api.API;

/**
 * Draws a message-flow (Lamport) diagram as SVG: one vertical line per host, time flowing down, an
 * arrow per delivered message and a red cross where a lost one vanished.
 *
 * <p>The vertical axis is the order of events, not their exact time: a run's events bunch up
 * (a broadcast sends ten messages at one instant, then nothing for a second), and an order axis
 * keeps every arrow visible. Times are written in the left margin.
 *
 * <pre>{@code
 * MessageWindow window = MessageWindow.select(messages, messages.size(), moments, MessageWindow.Size.NARROW);
 * String svg = MessageFlow.render(window, List.of("n1", "n2", "n3"), OptionalLong.empty());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MessageFlow {
    private static final double LEFT = 90;
    private static final double RIGHT = 60;
    private static final double MIN_COLUMN = 110;
    private static final double TOP = 40;
    private static final double STEP = 14;
    private static final double GAP = 40;
    private static final int LABELS_UP_TO = 30;

    private MessageFlow() {
    }

    public static String render(MessageWindow window, List<String> hostOrder, OptionalLong violationAt) {
        List<String> hosts = hosts(window, hostOrder);
        double column = Math.max(MIN_COLUMN, (960 - LEFT - RIGHT) / Math.max(1, hosts.size() - 1));
        double width = LEFT + RIGHT + column * Math.max(1, hosts.size() - 1);
        List<List<Long>> times = new ArrayList<>();
        double height = TOP + 20;
        for (MessageWindow.Segment seg : window.segments()) {
            times.add(times(seg.messages()));
            height += (seg.caption().isEmpty() && seg.skipped() == 0 ? 0 : GAP)
                    + Math.max(1, times.get(times.size() - 1).size()) * STEP;
        }

        Svg svg = new Svg(width, height, "flow", "message-flow diagram");
        svg.raw("<defs><marker id=\"flow-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1f5f99\"/></marker></defs>\n");
        for (int i = 0; i < hosts.size(); i++) {
            double hx = LEFT + i * column;
            svg.text(hx, TOP - 22, "middle", "host", hosts.get(i));
            svg.line(hx, TOP - 14, hx, height - 10, "host-line");
        }
        double top = TOP;
        for (int i = 0; i < window.segments().size(); i++) {
            MessageWindow.Segment seg = window.segments().get(i);
            boolean labels = seg.messages().size() <= LABELS_UP_TO;
            if (!seg.caption().isEmpty() || seg.skipped() > 0) {
                String text = (seg.skipped() > 0 ? String.format(Locale.ROOT, "⋯ %,d messages not drawn ⋯ ", seg.skipped()) : "")
                        + seg.caption();
                svg.rect(LEFT - 80, top + 6, width - LEFT + 70, GAP - 12, "gap", text);
                svg.text(width / 2, top + GAP / 2 + 4, "middle", "gap-label", text);
                top += GAP;
            }
            drawSegment(svg, new Layout(hosts, column, labels, violationAt), seg.messages(), times.get(i), top);
            top += Math.max(1, times.get(i).size()) * STEP;
        }
        return svg.close();
    }

    /**
     * What both segments (before and after the gap) share: the hosts' order, the column width,
     * whether arrows get labels, and when the first violation happened.
     */
    private record Layout(List<String> hosts, double column, boolean labels, OptionalLong violationAt) {
    }

    private static void drawSegment(Svg svg, Layout layout, List<MessageArrow> messages, List<Long> times, double top) {
        List<String> hosts = layout.hosts();
        double column = layout.column();
        OptionalLong violationAt = layout.violationAt();
        if (times.isEmpty()) {
            return;
        }
        double lastLabelY = Double.NEGATIVE_INFINITY;
        String lastLabel = "";
        for (int i = 0; i < times.size(); i++) {
            double y = top + i * STEP + STEP / 2;
            String label = SimTime.format(times.get(i));
            // Rounded labels of nearby events can read the same; a repeated label says nothing.
            if (y - lastLabelY >= 28 && !label.equals(lastLabel)) {
                svg.text(LEFT - 14, y + 4, "end", "tick", label);
                svg.line(LEFT - 10, y, LEFT - 4, y, "tick-mark");
                lastLabelY = y;
                lastLabel = label;
            }
        }
        for (MessageArrow m : messages) {
            double x1 = LEFT + hosts.indexOf(m.from()) * column;
            double x2 = LEFT + hosts.indexOf(m.to()) * column;
            double y1 = y(times, top, m.sentNanos());
            String title = m.label() + ": " + m.from() + " → " + m.to() + ", sent at "
                    + SimTime.format(m.sentNanos())
                    + (m.lost() ? ", never delivered" : ", delivered at " + SimTime.format(m.deliveredNanos().getAsLong()));
            if (m.lost()) {
                double ex = m.from().equals(m.to()) ? x1 + 30 : x1 + (x2 - x1) * 0.45;
                double ey = y(times, top, m.sentNanos() + 1);
                svg.line(x1, y1, ex, ey, "msg lost", title);
                svg.line(ex - 4, ey - 4, ex + 4, ey + 4, "cross");
                svg.line(ex - 4, ey + 4, ex + 4, ey - 4, "cross");
                continue;
            }
            double y2 = y(times, top, m.deliveredNanos().getAsLong());
            if (m.from().equals(m.to())) {
                svg.raw("<path class=\"msg\" marker-end=\"url(#flow-arrow)\" d=\"M " + Svg.num(x1) + " "
                        + Svg.num(y1) + " C " + Svg.num(x1 + 40) + " " + Svg.num(y1) + ", " + Svg.num(x1 + 40)
                        + " " + Svg.num(y2) + ", " + Svg.num(x1) + " " + Svg.num(y2) + "\"><title>"
                        + Html.escape(title) + "</title></path>\n");
            } else {
                svg.raw("<line class=\"msg\" marker-end=\"url(#flow-arrow)\" x1=\"" + Svg.num(x1) + "\" y1=\""
                        + Svg.num(y1) + "\" x2=\"" + Svg.num(x2) + "\" y2=\"" + Svg.num(y2) + "\"><title>"
                        + Html.escape(title) + "</title></line>\n");
            }
            if (layout.labels()) {
                svg.text((x1 + x2) / 2 + (x1 == x2 ? 44 : 0), (y1 + y2) / 2 - 3, "middle", "msg-label",
                        shorten(m.label()));
            }
        }
        if (violationAt.isPresent()) {
            long at = violationAt.getAsLong();
            if (at >= times.get(0) && at <= times.get(times.size() - 1)) {
                double vy = y(times, top, at);
                svg.line(LEFT - 80, vy, LEFT + column * Math.max(1, hosts.size() - 1) + 40, vy, "violation",
                        "first violation at " + SimTime.format(at));
            }
        }
    }

    /** The vertical position of time {@code t}: its rank among the segment's times (between ranks if absent). */
    private static double y(List<Long> times, double top, long t) {
        int lo = 0;
        int hi = times.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid) < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        double rank = times.get(lo) == t ? lo : lo - 0.5;
        return top + rank * STEP + STEP / 2;
    }

    private static List<Long> times(List<MessageArrow> messages) {
        TreeSet<Long> times = new TreeSet<>();
        for (MessageArrow m : messages) {
            times.add(m.sentNanos());
            if (!m.lost()) {
                times.add(m.deliveredNanos().getAsLong());
            } else {
                // A lost message's cross sits one step below its send; reserve that row.
                times.add(m.sentNanos() + 1);
            }
        }
        return new ArrayList<>(times);
    }

    private static List<String> hosts(MessageWindow window, List<String> hostOrder) {
        Set<String> hosts = new LinkedHashSet<>(hostOrder);
        for (MessageWindow.Segment part : window.segments()) {
            for (MessageArrow m : part.messages()) {
                hosts.add(m.from());
                hosts.add(m.to());
            }
        }
        return new ArrayList<>(hosts);
    }

    private static String shorten(String label) {
        return label.length() <= 24 ? label : label.substring(0, 23) + "…";
    }
}

package io.faultline.report.svg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import io.faultline.report.FaultSpan;
import io.faultline.sim.SimTime;
import org.apiguardian.api.API;

/**
 * Draws faults over simulated time as SVG: one lane per target (host or network), a bar per fault
 * that lasts, a diamond per instantaneous one, and a red line at the first violation.
 *
 * <pre>{@code
 * String svg = FaultTimeline.render(faults, List.of("n1", "n2"), 30_000_000_000L, OptionalLong.empty());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FaultTimeline {
    private static final double WIDTH = 960;
    private static final double LEFT = 120;
    private static final double RIGHT = 24;
    private static final double TOP = 12;
    private static final double LANE = 26;
    private static final double AXIS = 34;

    private FaultTimeline() {
    }

    /**
     * @param faults        the faults, in any order
     * @param laneOrder     lanes to draw first, in this order (others follow in order of appearance)
     * @param durationNanos the run's simulated length (the axis spans it, and every fault)
     * @param violationAt   when the first violation happened, if known
     */
    public static String render(List<FaultSpan> faults, List<String> laneOrder, long durationNanos,
                                OptionalLong violationAt) {
        List<String> lanes = lanes(faults, laneOrder);
        long span = Math.max(1, durationNanos);
        for (FaultSpan f : faults) {
            span = Math.max(span, f.toNanos());
        }
        if (violationAt.isPresent()) {
            span = Math.max(span, violationAt.getAsLong());
        }
        double height = TOP + Math.max(1, lanes.size()) * LANE + AXIS;
        Svg svg = new Svg(WIDTH, height, "timeline", "faults over simulated time");
        double plotW = WIDTH - LEFT - RIGHT;
        double bottom = TOP + Math.max(1, lanes.size()) * LANE;
        final long total = span;
        java.util.function.LongToDoubleFunction x = t -> LEFT + plotW * ((double) t / total);

        for (int i = 0; i < lanes.size(); i++) {
            double y = TOP + i * LANE;
            svg.rect(LEFT, y + 2, plotW, LANE - 4, i % 2 == 0 ? "lane even" : "lane odd", lanes.get(i));
            svg.text(LEFT - 8, y + LANE / 2 + 4, "end", "lane-label", lanes.get(i));
        }
        if (faults.isEmpty()) {
            svg.text(LEFT + plotW / 2, TOP + LANE / 2 + 4, "middle", "note", "no faults were injected");
        }
        for (long tick : TimeAxis.ticks(span, 10)) {
            double tx = x.applyAsDouble(tick);
            svg.line(tx, TOP, tx, bottom + 4, "grid");
            svg.text(tx, bottom + 18, "middle", "tick", SimTime.format(tick));
        }
        svg.text(LEFT + plotW, bottom + 32, "end", "axis-label", "simulated time");

        for (FaultSpan f : faults) {
            int lane = lanes.indexOf(f.lane());
            double y = TOP + lane * LANE;
            double x0 = x.applyAsDouble(f.fromNanos());
            String title = f.label() + " on " + f.lane() + " at " + SimTime.format(f.fromNanos())
                    + (f.instantaneous() ? "" : " until " + SimTime.format(f.toNanos()));
            if (f.instantaneous()) {
                double cy = y + LANE / 2;
                svg.polygon("fault-instant", title, x0, cy - 8, x0 + 6, cy, x0, cy + 8, x0 - 6, cy);
            } else {
                double w = Math.max(3, x.applyAsDouble(f.toNanos()) - x0);
                svg.rect(x0, y + 5, w, LANE - 10, "fault", title);
                if (w > 7.5 * f.label().length()) {
                    svg.text(x0 + 4, y + LANE / 2 + 4, "start", "fault-label", f.label());
                }
            }
        }
        if (violationAt.isPresent()) {
            double vx = x.applyAsDouble(violationAt.getAsLong());
            svg.line(vx, TOP - 4, vx, bottom, "violation",
                    "first violation at " + SimTime.format(violationAt.getAsLong()));
        }
        return svg.close();
    }

    private static List<String> lanes(List<FaultSpan> faults, List<String> laneOrder) {
        Set<String> lanes = new LinkedHashSet<>(laneOrder);
        for (FaultSpan f : faults) {
            lanes.add(f.lane());
        }
        return new ArrayList<>(lanes);
    }
}

package io.faultline.report.history;

import io.faultline.report.html.Html;
import io.faultline.report.html.Tenths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.faultline.checker.Counterexample;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Operation;

/**
 * Draws a {@link Timeline} as inline SVG: a lane per process, a bar per operation; for a
 * counterexample, the linearization points of the longest linearizable prefix joined by a line, the
 * failing operation (class {@code failing}) and its window across all lanes (class
 * {@code failing-window}). Every bar's tooltip ({@code <title>}) says what the op did and where it is
 * in the file; the failing op's also lists the states that were possible.
 */
final class TimelineSvg {
    private static final int LANE = 24;
    private static final int LEFT = 80;
    private static final int TOP = 22;
    private static final int RIGHT = 20;

    private TimelineSvg() {
    }

    static String render(Timeline t, HistoryFile file, Optional<Counterexample> ce, Model<?> model) {
        // About 12 px per event of the history: room for a short label on most bars, scrolled
        // sideways when long; a key's part keeps the whole history's scale.
        int width = (int) Math.max(640, Math.min(16_000, t.events * 12.0));
        int height = TOP + t.processes.size() * LANE + 26 + (ce.isPresent() ? 16 : 0);
        Map<Integer, Integer> lane = new HashMap<>();
        for (int i = 0; i < t.processes.size(); i++) {
            lane.put(t.processes.get(i), i);
        }
        double scale = width / (t.max - t.min);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width + LEFT + RIGHT)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width + LEFT + RIGHT).append(' ')
                .append(height).append("\" role=\"img\">\n");
        s.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"14\">")
                .append(t.byTime ? "time (ms from the first op) &#8594;" : "op index &#8594;").append("</text>\n");
        for (int i = 0; i < t.processes.size(); i++) {
            int y = TOP + i * LANE;
            s.append("<rect class=\"lane").append(i % 2 == 0 ? " even" : "").append("\" x=\"0\" y=\"").append(y)
                    .append("\" width=\"").append(width + LEFT + RIGHT).append("\" height=\"").append(LANE).append("\"/>")
                    .append("<text class=\"process\" x=\"6\" y=\"").append(y + 16).append("\">process ")
                    .append(t.processes.get(i)).append("</text>\n");
        }
        ticks(s, t, scale, height, width);
        Optional<Timeline.Bar> failing = ce.flatMap(c -> t.barOf(c.operation().invocation().index()));
        failing.ifPresent(b -> s.append("<rect class=\"failing-window\" data-index=\"").append(b.invoke())
                .append("\" x=\"").append(Tenths.of(LEFT + (b.start() - t.min) * scale)).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(Tenths.of(Math.max(3, (b.end() - b.start()) * scale))).append("\" height=\"")
                .append(t.processes.size() * LANE).append("\"><title>window of the failing op ").append(b.invoke())
                .append(": it had to take effect in here</title></rect>\n"));
        for (Timeline.Bar b : t.bars) {
            bar(s, new Placed(b, t, scale, lane.get(b.process())), file,
                    ce.filter(c -> c.operation().invocation().index() == b.invoke()));
        }
        ce.ifPresent(c -> linearization(s, t, scale, lane, c, StatesAfter.each(model, c.linearized())));
        // The failing op is named in words under its bar, so it is found at a glance and at any zoom.
        failing.ifPresent(b -> s.append("<text class=\"failing-label\" x=\"")
                .append(Tenths.of(LEFT + (b.start() - t.min) * scale)).append("\" y=\"")
                .append(TOP + t.processes.size() * LANE + 14).append("\">&#9650; cannot linearize op ").append(b.invoke())
                .append(" :").append(Html.escape(b.f() + " " + b.value())).append(" (process ").append(b.process())
                .append(")</text>\n"));
        s.append("</svg>\n");
        return s.toString();
    }

    private static void ticks(StringBuilder s, Timeline t, double scale, int height, int width) {
        double span = t.max - t.min;
        double step = Math.pow(10, Math.floor(Math.log10(span / 8)));
        if (span / step > 16) {
            step *= 5;
        } else if (span / step > 8) {
            step *= 2;
        }
        double first = Math.ceil(t.min / step) * step;
        for (double v = first; v <= t.max; v += step) {
            double x = LEFT + (v - t.min) * scale;
            String label = t.byTime ? Tenths.of((v - t.min) / 1e6) : String.valueOf((long) v);
            s.append("<line class=\"tick\" x1=\"").append(Tenths.of(x)).append("\" x2=\"").append(Tenths.of(x)).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(height - 20).append("\"/><text class=\"axis\" x=\"")
                    .append(Tenths.of(x + 2)).append("\" y=\"").append(height - 6).append("\">").append(label).append("</text>\n");
        }
    }

    /** A bar and where it goes: the timeline's scale and the bar's lane. */
    private record Placed(Timeline.Bar bar, Timeline timeline, double scale, int laneIndex) {
    }

    private static void bar(StringBuilder s, Placed placed, HistoryFile file, Optional<Counterexample> failingHere) {
        Timeline.Bar b = placed.bar();
        double x = LEFT + (b.start() - placed.timeline().min) * placed.scale();
        double w = Math.max(3, (b.end() - b.start()) * placed.scale());
        int y = TOP + placed.laneIndex() * LANE + 4;
        String label = ":" + b.f() + " " + b.value();
        StringBuilder title = new StringBuilder();
        title.append("op ").append(b.invoke()).append(" (process ").append(b.process()).append(") ").append(label)
                .append(", ").append(b.outcome()).append("\ninvoked at ").append(file.describe(b.invoke()));
        if (b.completion() >= 0) {
            title.append(", completed by op ").append(b.completion()).append(" at ").append(file.describe(b.completion()));
        }
        if (b.outcome().equals("info") || b.outcome().equals("pending")) {
            title.append("\noutcome unknown: it may take effect at any time after its invocation");
        }
        failingHere.ifPresent(c -> {
            title.append("\nCANNOT BE LINEARIZED");
            if (!c.explanation().isBlank()) {
                title.append(": ").append(c.explanation());
            }
            title.append("\npossible states before it: ")
                    .append(c.states().isEmpty() ? "(none recorded)" : StateText.all(c.states()));
        });
        s.append("<g class=\"op ").append(b.outcome()).append(failingHere.isPresent() ? " failing" : "")
                .append("\" data-index=\"").append(b.invoke()).append("\" data-process=\"").append(b.process())
                .append("\"><title>").append(Html.escape(title.toString())).append("</title>")
                .append("<rect x=\"").append(Tenths.of(x)).append("\" y=\"").append(y).append("\" width=\"").append(Tenths.of(w))
                .append("\" height=\"").append(LANE - 8).append("\" rx=\"3\"/>");
        int fits = (int) ((w - 6) / 6.2);
        if (fits >= 3) {
            String text = label.length() <= fits ? label : label.substring(0, fits - 1) + "\u2026";
            s.append("<text x=\"").append(Tenths.of(x + 3)).append("\" y=\"").append(y + 12).append("\">")
                    .append(Html.escape(text)).append("</text>");
        }
        s.append("</g>\n");
    }

    /** Points where the prefix's ops take effect: each as early as its window and the order allow. */
    private static void linearization(StringBuilder s, Timeline t, double scale, Map<Integer, Integer> lane,
                                      Counterexample c, List<String> statesAfter) {
        List<Operation> lin = c.linearized();
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        double previous = t.min;
        for (int k = 0; k < lin.size(); k++) {
            Operation op = lin.get(k);
            Optional<Timeline.Bar> b = t.barOf(op.invocation().index());
            if (b.isEmpty()) {
                continue;
            }
            double at = Math.min(Math.max(b.get().start(), previous), b.get().end());
            previous = at;
            double x = LEFT + (at - t.min) * scale + 1.5;
            double y = TOP + lane.get(op.process()) * LANE + LANE / 2.0;
            path.append(path.length() == 0 ? "M" : " L").append(Tenths.of(x)).append(' ').append(Tenths.of(y));
            String title = "linearized #" + (k + 1) + ": op " + op.invocation().index() + " :" + op.f() + " "
                    + op.value() + "\nstate after it: " + (k < statesAfter.size() ? statesAfter.get(k) : "?")
                    + (k == lin.size() - 1 ? "\npossible states at the end of the prefix (the checker's final paths): "
                    + StateText.all(c.states()) : "");
            dots.append("<circle class=\"lin-point\" data-index=\"").append(op.invocation().index()).append("\" cx=\"")
                    .append(Tenths.of(x)).append("\" cy=\"").append(Tenths.of(y)).append("\" r=\"3.5\"><title>")
                    .append(Html.escape(title)).append("</title></circle>\n");
        }
        if (path.length() > 0) {
            s.append("<path class=\"lin-path\" d=\"").append(path).append("\"/>\n");
        }
        s.append(dots);
    }
}

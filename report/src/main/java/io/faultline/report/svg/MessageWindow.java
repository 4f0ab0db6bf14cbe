package io.faultline.report.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.faultline.report.MessageArrow;
import io.faultline.report.Moment;
import io.faultline.sim.SimTime;
import org.apiguardian.api.API;

/**
 * Which messages a message-flow diagram shows, so a long run stays readable: all of them when there
 * are few; else a window around each {@link Moment} (the first violation, the faults and heals,
 * what processes logged during them), most important first, overlapping windows merged; else (no
 * moment at all) the first and the last messages. {@code note} says what is shown, in words.
 *
 * <pre>{@code
 * MessageWindow w = MessageWindow.select(messages, inRun, moments, MessageWindow.Size.NARROW);
 * }</pre>
 *
 * @param segments runs of consecutive messages (in send order) drawn one under the other, with a
 *                 gap between two
 * @param note     what is shown, for the reader
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MessageWindow(List<Segment> segments, String note) {

    /**
     * One run of consecutive messages.
     *
     * @param messages the messages drawn
     * @param skipped  how many kept messages lie between the previous segment and this one
     * @param caption  what the window is around, empty when it is not around a moment
     */
    public record Segment(List<MessageArrow> messages, int skipped, String caption) {
        public Segment {
            messages = List.copyOf(messages);
        }
    }

    /**
     * How wide the windows are.
     *
     * @param perMoment   messages drawn around each moment
     * @param maxMoments  windows drawn at most, given to the most important moments
     * @param allUpTo     runs with at most this many messages are drawn whole
     */
    public record Size(int perMoment, int maxMoments, int allUpTo) {
        /** The page's first diagram: a screenful around the few moments that matter most. */
        public static final Size NARROW = new Size(24, 6, 80);
        /** The widened diagram, folded under the first. */
        public static final Size WIDE = new Size(80, 24, 400);
    }

    public MessageWindow {
        segments = List.copyOf(segments);
    }

    /** Messages drawn in all. */
    public int drawn() {
        return segments.stream().mapToInt(s -> s.messages().size()).sum();
    }

    /**
     * @param messages every kept message, in send order
     * @param inRun    how many messages the run had (more than kept when the trace kept only some)
     * @param moments  the moments to centre windows on, in any order
     */
    public static MessageWindow select(List<MessageArrow> messages, long inRun, List<Moment> moments, Size size) {
        int n = messages.size();
        String kept = inRun > n ? "The trace kept " + count(n) + " of the run's " + count(inRun)
                + " messages: the last ones and those around faults and the first violation. " : "";
        if (n <= size.allUpTo()) {
            return new MessageWindow(List.of(new Segment(messages, 0, "")),
                    n == 0 ? "No messages were sent." : kept + "Shown: all " + count(n) + " kept messages.");
        }
        if (moments.isEmpty()) {
            int half = size.perMoment() / 2;
            List<Segment> both = List.of(new Segment(messages.subList(0, half), 0, "the first messages"),
                    new Segment(messages.subList(n - half, n), n - 2 * half, "the last messages"));
            return new MessageWindow(both, kept + "Shown: the first " + count(half) + " and the last " + count(half)
                    + " of " + count(n) + " messages (no fault or violation to centre on).");
        }
        List<Moment> byImportance = new ArrayList<>(moments);
        byImportance.sort(Comparator.comparing(Moment::kind).thenComparingLong(Moment::nanos));
        // Most important first: a moment joins a window it overlaps, else opens one while there is room.
        List<Window> windows = new ArrayList<>();
        int placed = 0;
        for (Moment m : byImportance) {
            int at = firstSentAtOrAfter(messages, m.nanos());
            // Most of a violation's window lies before it, where its cause is; a fault's is centred.
            int before = m.kind() == Moment.Kind.VIOLATION ? size.perMoment() * 3 / 4 : size.perMoment() / 2;
            int from = Math.max(0, Math.min(at - before, n - size.perMoment()));
            Window w = new Window(from, Math.min(n, from + size.perMoment()), new ArrayList<>());
            Window joined = windows.stream().filter(o -> o.from <= w.to && w.from <= o.to).findFirst().orElse(null);
            if (joined == null && windows.size() == size.maxMoments()) {
                continue;
            }
            if (joined == null) {
                windows.add(w);
                joined = w;
            } else {
                joined.from = Math.min(joined.from, w.from);
                joined.to = Math.max(joined.to, w.to);
            }
            joined.moments.add(m);
            placed++;
        }
        windows.sort(Comparator.comparingInt(w -> w.from));
        List<Segment> segments = new ArrayList<>();
        int previousEnd = 0;
        for (Window w : windows) {
            int from = Math.max(w.from, previousEnd); // windows widened by a merge may touch
            w.moments.sort(Comparator.comparingLong(Moment::nanos));
            segments.add(new Segment(messages.subList(from, Math.max(from, w.to)), from - previousEnd, caption(w.moments)));
            previousEnd = Math.max(from, w.to);
        }
        int dropped = moments.size() - placed;
        int drawn = segments.stream().mapToInt(x -> x.messages().size()).sum();
        return new MessageWindow(segments, kept + "Shown: " + count(drawn) + " messages in " + segments.size()
                + (segments.size() == 1 ? " window" : " windows") + " around " + placed
                + (placed == 1 ? " moment" : " moments")
                + (dropped > 0 ? " (" + dropped + " lesser or later moments have no window here)" : "") + ".");
    }

    /** A window being built: messages {@code [from, to)} around its moments. */
    private static final class Window {
        int from;
        int to;
        final List<Moment> moments;

        Window(int from, int to, List<Moment> moments) {
            this.from = from;
            this.to = to;
            this.moments = moments;
        }
    }

    private static String caption(List<Moment> moments) {
        List<String> parts = new ArrayList<>();
        for (Moment m : moments) {
            parts.add((m.kind() == Moment.Kind.VIOLATION ? "first violation" : m.label()) + " at " + SimTime.format(m.nanos()));
        }
        if (parts.size() <= 3) {
            return "around " + String.join("; ", parts);
        }
        return "around " + String.join("; ", parts.subList(0, 2)) + " and " + (parts.size() - 2) + " more";
    }

    private static int firstSentAtOrAfter(List<MessageArrow> messages, long t) {
        int lo = 0;
        int hi = messages.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (messages.get(mid).sentNanos() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

package io.faultline.report.svg;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.faultline.report.MessageArrow;
import io.faultline.report.SimTime;
import org.apiguardian.api.API;

/**
 * Which messages a message-flow diagram shows, so a long run stays readable: all of them when there
 * are few; else the ones around the first violation when there is one; else the first and the last
 * ones with a gap between. {@code note} says what is shown, in words.
 *
 * @param head    the first (or only) run of consecutive messages shown
 * @param tail    the last messages, after a gap; empty when there is no gap
 * @param omitted how many messages the gap between head and tail stands for
 * @param note    what is shown, for the reader
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record MessageWindow(List<MessageArrow> head, List<MessageArrow> tail, int omitted, String note) {

    public MessageWindow {
        head = List.copyOf(head);
        tail = List.copyOf(tail);
    }

    /**
     * @param messages    every message, in send order
     * @param violationAt when the first violation happened, if known
     * @param max         at most this many messages are shown
     */
    public static MessageWindow select(List<MessageArrow> messages, OptionalLong violationAt, int max) {
        return select(messages, messages.size(), violationAt, max);
    }

    /**
     * As {@link #select(List, OptionalLong, int)}, when {@code messages} are only the last of
     * {@code inRun} messages (a trace keeps a bounded window); the note then says so.
     */
    public static MessageWindow select(List<MessageArrow> messages, long inRun, OptionalLong violationAt, int max) {
        MessageWindow w = selectKept(messages, violationAt, max);
        if (inRun <= messages.size()) {
            return w;
        }
        String kept = "The trace kept the last " + count(messages.size()) + " of " + count(inRun) + " messages. ";
        return new MessageWindow(w.head(), w.tail(), w.omitted(), kept + w.note().replace("All ", "Shown: all "));
    }

    private static MessageWindow selectKept(List<MessageArrow> messages, OptionalLong violationAt, int max) {
        int n = messages.size();
        if (n <= max) {
            return new MessageWindow(messages, List.of(), 0,
                    n == 0 ? "No messages were sent." : "All " + count(n) + " messages.");
        }
        if (violationAt.isPresent()) {
            long at = violationAt.getAsLong();
            int firstAfter = 0;
            while (firstAfter < n && messages.get(firstAfter).sentNanos() <= at) {
                firstAfter++;
            }
            // Most of the window before the violation: that is where its cause is.
            int from = Math.max(0, Math.min(firstAfter - (max * 3 / 4), n - max));
            int to = from + max;
            return new MessageWindow(messages.subList(from, to), List.of(), n - max,
                    "Messages " + count(from + 1) + " to " + count(to) + " of " + count(n)
                            + ", around the first violation at " + SimTime.format(at) + ".");
        }
        int half = max / 2;
        return new MessageWindow(messages.subList(0, half), messages.subList(n - (max - half), n),
                n - max, "The first " + count(half) + " and the last " + count(max - half) + " of "
                        + count(n) + " messages; " + count(n - max) + " in between are not drawn.");
    }

    public boolean hasGap() {
        return !tail.isEmpty();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

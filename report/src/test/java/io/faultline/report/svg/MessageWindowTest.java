package io.faultline.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.faultline.report.MessageArrow;
import io.faultline.report.Moment;

class MessageWindowTest {
    private static final MessageWindow.Size SIZE = new MessageWindow.Size(40, 3, 80);

    /** One message every 10 ns, m0 sent at 0. */
    private static List<MessageArrow> messages(int n) {
        List<MessageArrow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageArrow("a", "b", i * 10L, OptionalLong.of(i * 10L + 5), "m" + i));
        }
        return out;
    }

    private static boolean covers(MessageWindow.Segment s, long t) {
        return s.messages().get(0).sentNanos() <= t && s.messages().get(s.messages().size() - 1).sentNanos() >= t;
    }

    @Test
    void fewMessagesAreAllShown() {
        MessageWindow w = MessageWindow.select(messages(5), 5, List.of(), SIZE);
        assertEquals(1, w.segments().size());
        assertEquals(5, w.drawn());
        assertEquals("Shown: all 5 kept messages.", w.note());
    }

    @Test
    void windowAroundViolationHasMostMessagesBeforeIt() {
        MessageWindow w = MessageWindow.select(messages(1000), 1000,
                List.of(new Moment(5000, Moment.Kind.VIOLATION, "first violation")), SIZE);
        assertEquals(1, w.segments().size());
        MessageWindow.Segment s = w.segments().get(0);
        assertEquals(40, s.messages().size());
        assertEquals(30, s.messages().stream().filter(m -> m.sentNanos() < 5000).count());
        assertTrue(s.caption().contains("first violation at 5µs"), s.caption());
        assertEquals(470, s.skipped());
    }

    @Test
    void eachFaultGetsAWindowThatContainsItsTime() {
        // Faults at 2µs, 6µs and 9µs, far apart in a run of 10,000 messages: three windows.
        List<Moment> faults = List.of(new Moment(6000, Moment.Kind.FAULT, "heal"),
                new Moment(2000, Moment.Kind.FAULT, "partition"), new Moment(9000, Moment.Kind.FAULT, "crash"));
        MessageWindow w = MessageWindow.select(messages(1000), 1000, faults, SIZE);
        assertEquals(3, w.segments().size());
        assertTrue(covers(w.segments().get(0), 2000));
        assertTrue(covers(w.segments().get(1), 6000));
        assertTrue(covers(w.segments().get(2), 9000));
        assertTrue(w.segments().get(0).caption().startsWith("around partition at 2µs"));
    }

    @Test
    void violationComesFirstWhenNotAllMomentsFit() {
        List<Moment> many = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            many.add(new Moment(i * 1000L, Moment.Kind.EVENT, "log " + i));
        }
        many.add(new Moment(8000, Moment.Kind.FAULT, "crash"));
        many.add(new Moment(9500, Moment.Kind.VIOLATION, "first violation"));
        MessageWindow w = MessageWindow.select(messages(1000), 1000, many, SIZE);
        assertTrue(w.segments().stream().anyMatch(s -> covers(s, 9500)));
        assertTrue(w.segments().stream().anyMatch(s -> covers(s, 8000)));
        assertTrue(w.note().contains("4 lesser or later moments have no window here"), w.note());
    }

    @Test
    void nearbyMomentsShareAWindow() {
        MessageWindow w = MessageWindow.select(messages(1000), 1000, List.of(new Moment(5000, Moment.Kind.FAULT, "cut"),
                new Moment(5100, Moment.Kind.FAULT, "crash")), SIZE);
        assertEquals(1, w.segments().size());
        assertTrue(covers(w.segments().get(0), 5000) && covers(w.segments().get(0), 5100));
        assertTrue(w.segments().get(0).caption().contains("cut") && w.segments().get(0).caption().contains("crash"));
    }

    @Test
    void withoutMomentsFirstAndLastAreShown() {
        MessageWindow w = MessageWindow.select(messages(1000), 5000, List.of(), SIZE);
        assertEquals("m0", w.segments().get(0).messages().get(0).label());
        assertEquals("m999", w.segments().get(1).messages().get(19).label());
        assertEquals(960, w.segments().get(1).skipped());
        assertTrue(w.note().startsWith("The trace kept 1,000 of the run's 5,000 messages"), w.note());
    }
}

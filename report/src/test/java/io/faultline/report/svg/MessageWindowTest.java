package io.faultline.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.faultline.report.MessageArrow;

class MessageWindowTest {
    private static List<MessageArrow> messages(int n) {
        List<MessageArrow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageArrow("a", "b", i * 10L, OptionalLong.of(i * 10L + 5), "m" + i));
        }
        return out;
    }

    @Test
    void fewMessagesAreAllShown() {
        MessageWindow w = MessageWindow.select(messages(5), OptionalLong.empty(), 10);
        assertEquals(5, w.head().size());
        assertEquals(0, w.omitted());
        assertEquals("All 5 messages.", w.note());
    }

    @Test
    void windowAroundViolationHasMostMessagesBeforeIt() {
        MessageWindow w = MessageWindow.select(messages(1000), OptionalLong.of(5000), 40);
        assertEquals(40, w.head().size());
        assertTrue(w.tail().isEmpty());
        long before = w.head().stream().filter(m -> m.sentNanos() <= 5000).count();
        assertEquals(30, before);
    }

    @Test
    void violationNearTheEndStillShowsAFullWindow() {
        MessageWindow w = MessageWindow.select(messages(100), OptionalLong.of(99_999), 40);
        assertEquals(40, w.head().size());
        assertEquals("m99", w.head().get(39).label());
    }

    @Test
    void withoutViolationFirstAndLastAreShown() {
        MessageWindow w = MessageWindow.select(messages(1000), OptionalLong.empty(), 41);
        assertEquals("m0", w.head().get(0).label());
        assertEquals(20, w.head().size());
        assertEquals(21, w.tail().size());
        assertEquals("m999", w.tail().get(20).label());
        assertEquals(959, w.omitted());
    }
}

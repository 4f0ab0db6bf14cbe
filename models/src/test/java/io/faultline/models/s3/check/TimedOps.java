package io.faultline.models.s3.check;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Generated operations, each with its own process and its invocation and completion times, recorded
 * in time order as a client would have seen them (an op's invocation before its completion when both
 * fall at the same time), so the property tests' operations overlap as they were generated.
 */
final class TimedOps {
    private record Event(long time, int order, Runnable add) {
    }

    private final HistoryBuilder history = new HistoryBuilder();
    private final List<Event> events = new ArrayList<>();

    /** Operation {@code process}: asks {@code asked} at {@code start}, ends {@code type} with {@code done} at {@code end}. */
    void add(int process, String f, Value asked, long start, OpType type, Value done, long end) {
        events.add(new Event(start, 2 * process, () -> history.invoke(process, f, asked, start)));
        events.add(new Event(end, 2 * process + 1, () -> history.complete(process, type, f, done, end)));
    }

    History build() {
        events.sort(Comparator.comparingLong(Event::time).thenComparingInt(Event::order));
        events.forEach(e -> e.add().run());
        return history.build();
    }
}

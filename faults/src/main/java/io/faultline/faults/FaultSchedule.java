package io.faultline.faults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A fault schedule: timed fault events, in time order (events at the same time keep their order).
 * Being data, it is generated per seed, printed in reports, saved to a JSON file ({@link ScheduleJson}),
 * replayed and shrunk.
 *
 * <pre>{@code
 * FaultSchedule s = FaultSchedule.of(List.of(
 *         new FaultEvent.Crash(ms(100), new Target.Host("n1"), ms(400)),
 *         new FaultEvent.Heal(ms(900))));
 * System.out.println(s.render());
 * // @100ms crash host:n1 for 400ms
 * // @900ms heal
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record FaultSchedule(List<FaultEvent> events) {

    public FaultSchedule {
        List<FaultEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(FaultEvent::at));   // stable: ties keep their order
        for (FaultEvent e : sorted) {
            if (e.at() < 0) {
                throw new IllegalArgumentException("fault before the start of the run: " + e.render());
            }
        }
        events = List.copyOf(sorted);
    }

    public static FaultSchedule of(List<? extends FaultEvent> events) {
        return new FaultSchedule(List.copyOf(events));
    }

    /**
     * The fault primitive calls a run's own code made ({@code RunResult.faultCalls()}), each a
     * {@link FaultEvent.Primitive} at its time: under {@code --faults} they replay the run exactly.
     */
    public static FaultSchedule ofCalls(List<io.faultline.sim.AppliedFault> calls) {
        List<FaultEvent> events = new ArrayList<>();
        for (io.faultline.sim.AppliedFault c : calls) {
            events.add(new FaultEvent.Primitive(c.at(), c.call().text()));
        }
        return new FaultSchedule(events);
    }

    /** No faults at all. */
    public static FaultSchedule none() {
        return new FaultSchedule(List.of());
    }

    public int size() {
        return events.size();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** One line per event, e.g. {@code @1.2s partition halves for 3s}; {@code (no faults)} if empty. */
    public String render() {
        if (events.isEmpty()) {
            return "(no faults)";
        }
        StringBuilder out = new StringBuilder();
        for (FaultEvent e : events) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(e.render());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}

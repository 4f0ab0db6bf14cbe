package io.faultline.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The one-line-per-event text of a schedule, as {@link FaultSchedule#render()} prints it, read back.
 * Events are separated by newlines or {@code ;}, so a whole schedule fits in an annotation:
 *
 * <pre>{@code
 * FaultSchedule s = ScheduleText.parse("@200ms partition isolate(role:primary) for 500ms; @1s heal", "@Replay");
 * ScheduleText.oneLine(s);   // "@200ms partition isolate(role:primary) for 500ms; @1s heal"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScheduleText {
    private ScheduleText() {
    }

    /** The schedule on one line, events separated by {@code "; "}. */
    public static String oneLine(FaultSchedule schedule) {
        return schedule.render().replace("\n", "; ").replace("(no faults)", "");
    }

    /** Parses the text; {@code source} names it in errors (column counts from the text's start). */
    public static FaultSchedule parse(String text, String source) {
        List<FaultEvent> events = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == ';') {
                String item = text.substring(start, i);
                if (!item.isBlank()) {
                    int lead = 0;
                    while (Character.isWhitespace(item.charAt(lead))) {
                        lead++;
                    }
                    events.add(new LineReader(item.strip(), source, line, start + lead - lineStart + 1).read());
                }
                start = i + 1;
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
        }
        return FaultSchedule.of(events);
    }

    /** Reads one event, such as {@code @1s crash host:n1 for 200ms}, word by word. */
    static final class LineReader {
        private final String[] words;
        private final int[] columns;
        private final String source;
        private final int line;
        private int next;

        LineReader(String text, String source, int line, int column) {
            this.words = text.split("\\s+");
            this.columns = new int[words.length];
            int from = 0;
            for (int w = 0; w < words.length; w++) {
                int idx = text.indexOf(words[w], from);
                columns[w] = column + idx;
                from = idx + words[w].length();
            }
            this.source = source;
            this.line = line;
        }

        FaultEvent read() {
            String atWord = word("a time such as @1.5s");
            if (!atWord.startsWith("@")) {
                throw error(next - 1, "an event starts with its time, such as @1.5s");
            }
            long at = duration(atWord.substring(1), next - 1);
            String kind = word("a kind");
            FaultEvent event = EventShape.ofKind(kind).orElseThrow(() -> error(next - 1,
                    "unknown kind \"" + kind + "\"; allowed kinds: " + String.join(", ", FaultEvent.KINDS)))
                    .readText(at, this);
            if (next < words.length) {
                throw error(next, "unexpected \"" + words[next] + "\" after the event");
            }
            return event;
        }

        PartitionShape shape() {
            int shapeAt = next;
            return shape(word("a shape"), shapeAt);
        }

        Optional<String> channel() {
            if (!peek("on")) {
                return Optional.empty();
            }
            next++;
            expect("channel");
            return Optional.of(word("a channel name"));
        }

        /** The rest of the line: a fault primitive call, checked as it is read. */
        String call() {
            int from = next;
            if (from >= words.length) {
                throw error(from, "expected a fault call such as: crash n1");
            }
            String text = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
            next = words.length;
            try {
                return io.faultline.sim.FaultCall.parse(text).text();
            } catch (IllegalArgumentException e) {
                throw error(from, e.getMessage());
            }
        }

        DiskFaultKind diskFault() {
            String f = word("a disk fault");
            return DiskFaultKind.parse(f).orElseThrow(() -> error(next - 1,
                    "unknown disk fault \"" + f + "\"; allowed: " + String.join(", ", DiskFaultKind.names())));
        }

        /** {@code by 5ms}: how far a clock is set or jumps. */
        long by() {
            expect("by");
            return duration(word("a duration"), next - 1);
        }

        long ppm() {
            String ppm = word("a drift such as 200ppm");
            try {
                return Long.parseLong(ppm.replace("ppm", ""));
            } catch (NumberFormatException e) {
                throw error(next - 1, "expected a drift such as 200ppm");
            }
        }

        /** {@code +50ms}: the latency a slow link adds. */
        long addedLatency() {
            String plus = word("an added latency such as +50ms");
            if (!plus.startsWith("+")) {
                throw error(next - 1, "expected an added latency such as +50ms");
            }
            return duration(plus.substring(1), next - 1);
        }

        private PartitionShape shape(String text, int wordIndex) {
            int open = text.indexOf('(');
            String name = open < 0 ? text : text.substring(0, open);
            Optional<Target> target = Optional.empty();
            if (open >= 0) {
                if (!text.endsWith(")")) {
                    throw error(wordIndex, "expected a shape such as isolate(role:leader)");
                }
                String inner = text.substring(open + 1, text.length() - 1);
                target = Optional.of(Target.parse(inner).orElseThrow(() -> error(wordIndex,
                        "bad target \"" + inner + "\"; allowed: host:NAME, role:NAME, random:GROUP")));
            }
            Optional<Target> t = target;
            return PartitionShape.of(name, t).orElseThrow(() -> error(wordIndex,
                    "bad shape \"" + text + "\"; allowed shapes: isolate(TARGET), minority(TARGET), halves, majorities-ring, bridge, random"));
        }

        Target target() {
            String text = word("a target such as host:n1");
            return Target.parse(text).orElseThrow(() -> error(next - 1,
                    "bad target \"" + text + "\"; allowed: host:NAME, role:NAME, random:GROUP"));
        }

        double probability() {
            String text = word("a probability such as p=0.3");
            try {
                if (text.startsWith("p=")) {
                    double p = Double.parseDouble(text.substring(2));
                    if (p >= 0 && p <= 1) {
                        return p;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw error(next - 1, "expected a probability from 0 to 1 such as p=0.3");
        }

        long lasting() {
            if (!peek("for")) {
                return FaultEvent.UNTIL_HEALED;
            }
            next++;
            return duration(word("a duration"), next - 1);
        }

        private long duration(String text, int wordIndex) {
            return TimeText.parse(text).orElseThrow(() -> error(wordIndex,
                    "\"" + text + "\" is not a duration; write a number and a unit (ns, us, ms, s, m), e.g. 250ms"));
        }

        private boolean peek(String w) {
            return next < words.length && words[next].equals(w);
        }

        private void expect(String w) {
            String got = word("\"" + w + "\"");
            if (!got.equals(w)) {
                throw error(next - 1, "expected \"" + w + "\", found \"" + got + "\"");
            }
        }

        private String word(String what) {
            if (next >= words.length) {
                int col = columns[words.length - 1] + words[words.length - 1].length();
                throw new ScheduleFormatException(source, line, col, "expected " + what + " at the end of the event");
            }
            return words[next++];
        }

        private ScheduleFormatException error(int wordIndex, String problem) {
            return new ScheduleFormatException(source, line, columns[Math.min(wordIndex, words.length - 1)], problem);
        }
    }
}

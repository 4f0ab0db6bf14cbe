package io.faultline.faults;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The fields a fault event may carry besides its time, each written once here: how it reads and
 * writes in schedule files (JSON), how it reads in schedule text and how it reads in a description.
 * A fault event record's components are named after these fields (the component {@code duration}
 * is the field {@code for} in files), so a record only declares what it holds; {@link EventShape}
 * derives the rest. A new kind made of these fields needs no change here; a new field adds one
 * constant.
 *
 * <p>The constants are in the order a description (and so the text format) names them, e.g.
 * {@code disk-fault full host:n1 for 1s}: fault, then target, then duration.
 */
enum EventField {
    /** A partition's shape; in files also its optional {@code target}. */
    SHAPE("shape", "target") {
        @Override
        Object readJson(EventFields f) {
            return f.shape();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            PartitionShape shape = (PartitionShape) value;
            g.writeStringField("shape", shape.name());
            if (shape.target().isPresent()) {
                g.writeStringField("target", shape.target().get().text());
            }
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.shape();
        }

        @Override
        String describe(Object value) {
            return " " + ((PartitionShape) value).text();
        }
    },
    /** What a disk fault does. */
    FAULT("fault") {
        @Override
        Object readJson(EventFields f) {
            return f.diskFault();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            g.writeStringField("fault", ((DiskFaultKind) value).text());
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.diskFault();
        }

        @Override
        String describe(Object value) {
            return " " + ((DiskFaultKind) value).text();
        }
    },
    /** The host (or role, or random member) the fault hits. */
    TARGET("target") {
        @Override
        Object readJson(EventFields f) {
            return f.target();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            g.writeStringField("target", ((Target) value).text());
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.target();
        }

        @Override
        String describe(Object value) {
            return " " + ((Target) value).text();
        }
    },
    /** A partition on one channel only, or (empty) on all traffic. */
    CHANNEL("channel") {
        @Override
        Object readJson(EventFields f) {
            return f.channel();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            Optional<?> channel = (Optional<?>) value;
            if (channel.isPresent()) {
                g.writeStringField("channel", (String) channel.get());
            }
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.channel();
        }

        @Override
        String describe(Object value) {
            return ((Optional<?>) value).map(c -> " on channel " + c).orElse("");
        }
    },
    /** A clock's offset from true time. */
    OFFSET("offset") {
        @Override
        Object readJson(EventFields f) {
            return f.duration("offset");
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.by();
        }
    },
    /** How far a clock jumps. */
    BY("by") {
        @Override
        Object readJson(EventFields f) {
            return f.duration("by");
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.by();
        }
    },
    /** A clock's drift in parts per million. */
    PPM("ppm") {
        @Override
        Object readJson(EventFields f) {
            return f.integer("ppm", -1_000_000, 1_000_000);
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            g.writeNumberField("ppm", (Long) value);
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.ppm();
        }

        @Override
        String describe(Object value) {
            return " " + value + "ppm";
        }
    },
    /** The latency a slow link adds. */
    LATENCY("latency") {
        @Override
        Object readJson(EventFields f) {
            return f.positive("latency");
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.addedLatency();
        }

        @Override
        String describe(Object value) {
            return " +" + TimeText.format((Long) value);
        }
    },
    /** The chance that a burst hits each message. */
    PROBABILITY("probability") {
        @Override
        Object readJson(EventFields f) {
            return f.probability();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            g.writeNumberField("probability", (Double) value);
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.probability();
        }

        @Override
        String describe(Object value) {
            return " p=" + value;
        }
    },
    /** A fault primitive call's text ({@link io.faultline.sim.FaultCall}), the rest of a text line. */
    CALL("call") {
        @Override
        Object readJson(EventFields f) {
            return f.call();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            g.writeStringField("call", (String) value);
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.call();
        }

        @Override
        String describe(Object value) {
            return " " + value;
        }
    },
    /** How long the fault lasts; {@link FaultEvent#UNTIL_HEALED} (written as nothing) until healed. */
    DURATION("for") {
        @Override
        Object readJson(EventFields f) {
            return f.lasting();
        }

        @Override
        void writeJson(Object value, JsonGenerator g) throws IOException {
            long d = (Long) value;
            if (d != FaultEvent.UNTIL_HEALED) {
                g.writeStringField("for", TimeText.format(d));
            }
        }

        @Override
        Object readText(ScheduleText.LineReader r) {
            return r.lasting();
        }

        @Override
        String describe(Object value) {
            long d = (Long) value;
            return d == FaultEvent.UNTIL_HEALED ? "" : " for " + TimeText.format(d);
        }
    };

    private final List<String> jsonNames;

    EventField(String... jsonNames) {
        this.jsonNames = List.of(jsonNames);
    }

    /** The field of a record component: {@code duration} is {@link #DURATION}, the others by name. */
    static Optional<EventField> ofComponent(String name) {
        for (EventField f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The names this field may use in a schedule file. */
    List<String> jsonNames() {
        return jsonNames;
    }

    abstract Object readJson(EventFields f);

    abstract Object readText(ScheduleText.LineReader r);

    /** By default a duration, written with its unit: the fields whose value is a time. */
    void writeJson(Object value, JsonGenerator g) throws IOException {
        g.writeStringField(jsonNames.get(0), TimeText.format((Long) value));
    }

    /** By default {@code " by 5ms"}: the clock fields. */
    String describe(Object value) {
        return " by " + TimeText.format((Long) value);
    }
}

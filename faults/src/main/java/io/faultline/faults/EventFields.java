package io.faultline.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one fault event in a schedule file, each with where it was written, read as the
 * values {@link EventField}s ask for. Every check names the field, its place and what is allowed.
 */
final class EventFields {
    private record Field(String text, boolean quoted, int line, int column) {
    }

    private final String source;
    private final int line;
    private final int column;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    EventFields(String source, int line, int column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }

    void put(String name, String text, boolean quoted, int atLine, int atColumn) {
        if (fields.containsKey(name)) {
            throw new ScheduleFormatException(source, atLine, atColumn, "field \"" + name + "\" given twice");
        }
        fields.put(name, new Field(text, quoted, atLine, atColumn));
    }

    FaultEvent toEvent() {
        String kind = string("kind");
        EventShape shape = EventShape.ofKind(kind).orElseThrow(() ->
                at("kind", "unknown kind \"" + kind + "\"; allowed kinds: " + String.join(", ", FaultEvent.KINDS)));
        List<String> allowed = shape.jsonNames();
        for (Map.Entry<String, Field> f : fields.entrySet()) {
            String name = f.getKey();
            if (!name.equals("at") && !name.equals("kind") && !allowed.contains(name)) {
                throw at(name, "field \"" + name + "\" is not allowed for kind " + kind + "; allowed fields: at, kind"
                        + (allowed.isEmpty() ? "" : ", " + String.join(", ", allowed)));
            }
        }
        long at = duration("at");
        if (at < 0) {
            throw at("at", "\"at\" must not be negative");
        }
        return shape.readJson(at, this);
    }

    /** A partition's shape, with the target that {@code isolate} and {@code minority} need. */
    PartitionShape shape() {
        Optional<Target> target = optionalTarget();
        String shapeName = string("shape");
        Optional<PartitionShape> shape = PartitionShape.of(shapeName, target);
        if (shape.isEmpty()) {
            boolean needsTarget = shapeName.equals("isolate") || shapeName.equals("minority");
            if (PartitionShape.NAMES.contains(shapeName)) {
                throw at("shape", "shape " + shapeName + (needsTarget ? " needs a \"target\"" : " takes no \"target\""));
            }
            throw at("shape", "unknown shape \"" + shapeName + "\"; allowed shapes: " + String.join(", ", PartitionShape.NAMES));
        }
        return shape.get();
    }

    Optional<String> channel() {
        return fields.containsKey("channel") ? Optional.of(string("channel")) : Optional.empty();
    }

    /** A fault primitive call, checked as it is read. */
    String call() {
        String text = string("call");
        try {
            return io.faultline.sim.FaultCall.parse(text).text();
        } catch (IllegalArgumentException e) {
            throw at("call", e.getMessage());
        }
    }

    DiskFaultKind diskFault() {
        String name = string("fault");
        return DiskFaultKind.parse(name).orElseThrow(() -> at("fault",
                "unknown disk fault \"" + name + "\"; allowed: " + String.join(", ", DiskFaultKind.names())));
    }

    private Field field(String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw new ScheduleFormatException(source, line, column, "missing field \"" + name + "\"");
        }
        return f;
    }

    private String string(String name) {
        Field f = field(name);
        if (!f.quoted()) {
            throw at(name, "field \"" + name + "\" must be a string");
        }
        return f.text();
    }

    long duration(String name) {
        String text = string(name);
        return TimeText.parse(text).orElseThrow(() -> at(name,
                "\"" + name + "\" is not a duration: \"" + text + "\"; write a number and a unit (ns, us, ms, s, m), e.g. \"250ms\""));
    }

    long positive(String name) {
        long d = duration(name);
        if (d <= 0) {
            throw at(name, "\"" + name + "\" must be positive");
        }
        return d;
    }

    long lasting() {
        if (!fields.containsKey("for")) {
            return FaultEvent.UNTIL_HEALED;
        }
        long d = duration("for");
        if (d < 0) {
            throw at("for", "\"for\" must not be negative");
        }
        return d;
    }

    long integer(String name, long min, long max) {
        Field f = field(name);
        try {
            long v = Long.parseLong(f.text());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw at(name, "\"" + name + "\" must be an integer from " + min + " to " + max);
    }

    double probability() {
        Field f = field("probability");
        try {
            double p = Double.parseDouble(f.text());
            if (!f.quoted() && p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw at("probability", "\"probability\" must be a number from 0 to 1");
    }

    Target target() {
        return optionalTarget().orElseThrow(() ->
                new ScheduleFormatException(source, line, column, "missing field \"target\""));
    }

    private Optional<Target> optionalTarget() {
        if (!fields.containsKey("target")) {
            return Optional.empty();
        }
        String text = string("target");
        return Optional.of(Target.parse(text).orElseThrow(() -> at("target",
                "bad target \"" + text + "\"; allowed: host:NAME, role:NAME, random:GROUP")));
    }

    private ScheduleFormatException at(String name, String problem) {
        Field f = fields.get(name);
        return f == null ? new ScheduleFormatException(source, line, column, problem)
                : new ScheduleFormatException(source, f.line(), f.column(), problem);
    }
}

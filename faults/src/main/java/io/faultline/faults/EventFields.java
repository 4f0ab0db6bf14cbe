package io.faultline.faults;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one fault event in a schedule file, each with where it was written, and the mapping
 * between them and {@link FaultEvent}s. Every check names the field, its place and what is allowed.
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

    /** The fields each kind allows besides {@code at} and {@code kind}. */
    private static List<String> allowed(String kind) {
        switch (kind) {
            case "partition": return List.of("shape", "target", "channel", "for");
            case "heal": return List.of();
            case "crash":
            case "pause": return List.of("target", "for");
            case "restart":
            case "resume": return List.of("target");
            case "clock-skew": return List.of("target", "offset");
            case "clock-drift": return List.of("target", "ppm");
            case "clock-jump": return List.of("target", "by");
            case "disk-fault": return List.of("target", "fault", "for");
            case "slow-link": return List.of("target", "latency", "for");
            case "duplicate":
            case "reorder": return List.of("probability", "for");
            default: throw new IllegalArgumentException(kind);
        }
    }

    FaultEvent toEvent() {
        String kind = string("kind");
        if (!FaultEvent.KINDS.contains(kind)) {
            throw at("kind", "unknown kind \"" + kind + "\"; allowed kinds: " + String.join(", ", FaultEvent.KINDS));
        }
        List<String> allowed = allowed(kind);
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
        switch (kind) {
            case "partition": {
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
                Optional<String> channel = fields.containsKey("channel") ? Optional.of(string("channel")) : Optional.empty();
                return new FaultEvent.Partition(at, shape.get(), channel, lasting());
            }
            case "heal": return new FaultEvent.Heal(at);
            case "crash": return new FaultEvent.Crash(at, target(), lasting());
            case "restart": return new FaultEvent.Restart(at, target());
            case "pause": return new FaultEvent.Pause(at, target(), lasting());
            case "resume": return new FaultEvent.Resume(at, target());
            case "clock-skew": return new FaultEvent.ClockSkew(at, target(), duration("offset"));
            case "clock-drift": return new FaultEvent.ClockDrift(at, target(), integer("ppm", -1_000_000, 1_000_000));
            case "clock-jump": return new FaultEvent.ClockJump(at, target(), duration("by"));
            case "disk-fault": {
                String name = string("fault");
                DiskFaultKind fault = DiskFaultKind.parse(name).orElseThrow(() -> at("fault",
                        "unknown disk fault \"" + name + "\"; allowed: " + String.join(", ", DiskFaultKind.names())));
                return new FaultEvent.DiskFault(at, target(), fault, lasting());
            }
            case "slow-link": return new FaultEvent.SlowLink(at, target(), positive("latency"), lasting());
            case "duplicate": return new FaultEvent.Duplicate(at, probability(), lasting());
            case "reorder": return new FaultEvent.Reorder(at, probability(), lasting());
            default: throw new IllegalStateException(kind);
        }
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

    private long duration(String name) {
        String text = string(name);
        return TimeText.parse(text).orElseThrow(() -> at(name,
                "\"" + name + "\" is not a duration: \"" + text + "\"; write a number and a unit (ns, us, ms, s, m), e.g. \"250ms\""));
    }

    private long positive(String name) {
        long d = duration(name);
        if (d <= 0) {
            throw at(name, "\"" + name + "\" must be positive");
        }
        return d;
    }

    private long lasting() {
        if (!fields.containsKey("for")) {
            return FaultEvent.UNTIL_HEALED;
        }
        long d = duration("for");
        if (d < 0) {
            throw at("for", "\"for\" must not be negative");
        }
        return d;
    }

    private long integer(String name, long min, long max) {
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

    private double probability() {
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

    private Target target() {
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

    /** Writes the fields of an event other than {@code at} and {@code kind}. */
    static void write(FaultEvent e, JsonGenerator g) throws IOException {
        if (e instanceof FaultEvent.Partition p) {
            g.writeStringField("shape", p.shape().name());
            if (p.shape().target().isPresent()) {
                g.writeStringField("target", p.shape().target().get().text());
            }
            if (p.channel().isPresent()) {
                g.writeStringField("channel", p.channel().get());
            }
            lasting(p.duration(), g);
        } else if (e instanceof FaultEvent.Crash c) {
            g.writeStringField("target", c.target().text());
            lasting(c.duration(), g);
        } else if (e instanceof FaultEvent.Pause p) {
            g.writeStringField("target", p.target().text());
            lasting(p.duration(), g);
        } else if (e instanceof FaultEvent.Restart r) {
            g.writeStringField("target", r.target().text());
        } else if (e instanceof FaultEvent.Resume r) {
            g.writeStringField("target", r.target().text());
        } else if (e instanceof FaultEvent.ClockSkew c) {
            g.writeStringField("target", c.target().text());
            g.writeStringField("offset", TimeText.format(c.offset()));
        } else if (e instanceof FaultEvent.ClockDrift c) {
            g.writeStringField("target", c.target().text());
            g.writeNumberField("ppm", c.ppm());
        } else if (e instanceof FaultEvent.ClockJump c) {
            g.writeStringField("target", c.target().text());
            g.writeStringField("by", TimeText.format(c.by()));
        } else if (e instanceof FaultEvent.DiskFault d) {
            g.writeStringField("target", d.target().text());
            g.writeStringField("fault", d.fault().text());
            lasting(d.duration(), g);
        } else if (e instanceof FaultEvent.SlowLink s) {
            g.writeStringField("target", s.target().text());
            g.writeStringField("latency", TimeText.format(s.latency()));
            lasting(s.duration(), g);
        } else if (e instanceof FaultEvent.Duplicate d) {
            g.writeNumberField("probability", d.probability());
            lasting(d.duration(), g);
        } else if (e instanceof FaultEvent.Reorder r) {
            g.writeNumberField("probability", r.probability());
            lasting(r.duration(), g);
        }
    }

    private static void lasting(long duration, JsonGenerator g) throws IOException {
        if (duration != FaultEvent.UNTIL_HEALED) {
            g.writeStringField("for", TimeText.format(duration));
        }
    }
}

package io.faultline.faults;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fault event record's header says about it, read once per record class: its kind (the
 * class name in kebab case, {@code ClockSkew} is {@code clock-skew}), its fields (its components
 * after {@code at}, each an {@link EventField}) and its canonical constructor. From these come, for
 * every kind alike, {@link FaultEvent#kind()}, {@link FaultEvent#withAt(long)},
 * {@link FaultEvent#describe()}, and reading and writing schedule files and text; so adding a kind
 * is adding its record to {@link FaultEvent} (and saying what it does in {@link Nemesis}).
 */
final class EventShape {
    private static final ClassValue<EventShape> SHAPES = new ClassValue<>() {
        @Override
        protected EventShape computeValue(Class<?> type) {
            return new EventShape(type.asSubclass(FaultEvent.class));
        }
    };

    /** Every kind, in the order the records are declared in {@link FaultEvent}. */
    private static final Map<String, EventShape> BY_KIND = byKind();

    private final String kind;
    private final RecordComponent[] components;
    private final List<EventField> fields;
    private final Constructor<? extends FaultEvent> canonical;

    private EventShape(Class<? extends FaultEvent> type) {
        this.kind = kebab(type.getSimpleName());
        this.components = type.getRecordComponents();
        if (components == null || components.length == 0 || !components[0].getName().equals("at")
                || components[0].getType() != long.class) {
            throw new IllegalStateException(type + ": a fault event is a record whose first component is long at");
        }
        List<EventField> named = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        types[0] = long.class;
        for (int i = 1; i < components.length; i++) {
            String name = components[i].getName();
            named.add(EventField.ofComponent(name).orElseThrow(() -> new IllegalStateException(
                    type + ": component " + name + " is no EventField; add one there")));
            types[i] = components[i].getType();
        }
        this.fields = List.copyOf(named);
        try {
            this.canonical = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    static EventShape of(FaultEvent e) {
        return SHAPES.get(e.getClass());
    }

    static Optional<EventShape> ofKind(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    /** The kinds, in declaration order. */
    static List<String> kinds() {
        return List.copyOf(BY_KIND.keySet());
    }

    String kind() {
        return kind;
    }

    /** The fields a schedule file may give for this kind besides {@code at} and {@code kind}. */
    List<String> jsonNames() {
        List<String> names = new ArrayList<>();
        for (EventField f : fields) {
            names.addAll(f.jsonNames());
        }
        return names;
    }

    FaultEvent withAt(FaultEvent e, long at) {
        Object[] args = values(e);
        args[0] = at;
        return make(args);
    }

    /** The kind, then each field in {@link EventField}'s order, e.g. {@code slow-link host:n1 +50ms for 1s}. */
    String describe(FaultEvent e) {
        Object[] args = values(e);
        StringBuilder out = new StringBuilder(kind);
        for (int i : describedOrder()) {
            out.append(fields.get(i).describe(args[i + 1]));
        }
        return out.toString();
    }

    /** Reads the fields from a file's event, in the order a description names them. */
    FaultEvent readJson(long at, EventFields f) {
        Object[] args = new Object[components.length];
        args[0] = at;
        for (int i : describedOrder()) {
            args[i + 1] = fields.get(i).readJson(f);
        }
        return make(args);
    }

    /** Reads the fields from text after the kind, in the order a description names them. */
    FaultEvent readText(long at, ScheduleText.LineReader r) {
        Object[] args = new Object[components.length];
        args[0] = at;
        for (int i : describedOrder()) {
            args[i + 1] = fields.get(i).readText(r);
        }
        return make(args);
    }

    /** Writes the fields other than {@code at} and {@code kind}, in the record's order. */
    void writeJson(FaultEvent e, JsonGenerator g) throws IOException {
        Object[] args = values(e);
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).writeJson(args[i + 1], g);
        }
    }

    /** Indexes into {@link #fields}, sorted by {@link EventField} order. */
    private List<Integer> describedOrder() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(fields::get));
        return order;
    }

    private Object[] values(FaultEvent e) {
        Object[] args = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                args[i] = components[i].getAccessor().invoke(e);
            }
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("cannot read " + e.getClass().getSimpleName(), ex);
        }
        return args;
    }

    private FaultEvent make(Object[] args) {
        try {
            return canonical.newInstance(args);
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(ex.getCause());
        } catch (InstantiationException | IllegalAccessException ex) {
            throw new IllegalStateException("cannot make a " + kind, ex);
        }
    }

    private static Map<String, EventShape> byKind() {
        Map<String, EventShape> out = new LinkedHashMap<>();
        for (Class<?> type : FaultEvent.class.getPermittedSubclasses()) {
            EventShape shape = SHAPES.get(type);
            out.put(shape.kind, shape);
        }
        return out;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}

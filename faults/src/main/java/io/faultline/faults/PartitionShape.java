package io.faultline.faults;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The shape of a network partition, in Jepsen's vocabulary, resolved to concrete host sets when the
 * partition starts (so that {@code isolate(role:leader)} cuts off whoever leads at that moment).
 *
 * <ul>
 *   <li>{@link Isolate}: one host against the rest;</li>
 *   <li>{@link MinorityWith}: a minority that contains the target, against the majority;</li>
 *   <li>{@link Halves}: the servers split into two halves at random;</li>
 *   <li>{@link MajoritiesRing}: every server sees a majority, but no two see the same one;</li>
 *   <li>{@link Bridge}: two halves joined by one host that sees both;</li>
 *   <li>{@link RandomCut}: every directed link between servers cut with probability one half.</li>
 * </ul>
 *
 * <pre>{@code
 * PartitionShape s = new PartitionShape.Isolate(new Target.Role("leader"));
 * s.text();   // "isolate(role:leader)"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface PartitionShape {

    /** The text used in schedule files and reports, e.g. {@code halves} or {@code isolate(host:n1)}. */
    String text();

    /** The shape's name alone, as in a schedule file's {@code shape} field. */
    String name();

    /** The target the shape is built around, if it has one. */
    default Optional<Target> target() {
        return Optional.empty();
    }

    record Isolate(Target of) implements PartitionShape {
        @Override
        public String text() {
            return "isolate(" + of.text() + ")";
        }

        @Override
        public String name() {
            return "isolate";
        }

        @Override
        public Optional<Target> target() {
            return Optional.of(of);
        }
    }

    record MinorityWith(Target member) implements PartitionShape {
        @Override
        public String text() {
            return "minority(" + member.text() + ")";
        }

        @Override
        public String name() {
            return "minority";
        }

        @Override
        public Optional<Target> target() {
            return Optional.of(member);
        }
    }

    record Halves() implements PartitionShape {
        @Override
        public String text() {
            return "halves";
        }

        @Override
        public String name() {
            return "halves";
        }
    }

    record MajoritiesRing() implements PartitionShape {
        @Override
        public String text() {
            return "majorities-ring";
        }

        @Override
        public String name() {
            return "majorities-ring";
        }
    }

    record Bridge() implements PartitionShape {
        @Override
        public String text() {
            return "bridge";
        }

        @Override
        public String name() {
            return "bridge";
        }
    }

    record RandomCut() implements PartitionShape {
        @Override
        public String text() {
            return "random";
        }

        @Override
        public String name() {
            return "random";
        }
    }

    /** The shape names a schedule file may use. */
    java.util.List<String> NAMES = java.util.List.of("isolate", "minority", "halves", "majorities-ring", "bridge", "random");

    /** Builds a shape from its name and, for {@code isolate} and {@code minority}, its target. */
    static Optional<PartitionShape> of(String name, Optional<Target> target) {
        if (name.equals("isolate")) {
            return target.map(Isolate::new);
        }
        if (name.equals("minority")) {
            return target.map(MinorityWith::new);
        }
        if (target.isPresent()) {
            return Optional.empty();
        }
        if (name.equals("halves")) {
            return Optional.of(new Halves());
        }
        if (name.equals("majorities-ring")) {
            return Optional.of(new MajoritiesRing());
        }
        if (name.equals("bridge")) {
            return Optional.of(new Bridge());
        }
        if (name.equals("random")) {
            return Optional.of(new RandomCut());
        }
        return Optional.empty();
    }
}

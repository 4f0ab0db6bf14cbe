package io.faultline.faults;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whom a fault hits, resolved to host names only when the fault fires: a host by name, a role the
 * model names at that moment ("the leader of partition p0"), or a host picked at random from a group.
 * Written {@code host:n1}, {@code role:leader} or {@code random:servers} in schedules and reports.
 *
 * <pre>{@code
 * Target t = new Target.Role("leader");       // whoever leads when the fault fires
 * Target.parse("host:n2");                    // Optional[Host[name=n2]]
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Target {

    /** The text used in schedule files and reports, e.g. {@code role:leader}. */
    String text();

    /** One host, by the name the scenario gave it. */
    record Host(String name) implements Target {
        public Host {
            requireName(name);
        }

        @Override
        public String text() {
            return "host:" + name;
        }
    }

    /** Whoever holds this role when the fault fires, as the model's {@link RoleResolver} says. */
    record Role(String name) implements Target {
        public Role {
            requireName(name);
        }

        @Override
        public String text() {
            return "role:" + name;
        }
    }

    /**
     * One host picked when the fault fires, from the seeded fault stream, among a group: {@code any}
     * (every host), {@code servers}, {@code clients}, or a role the model names.
     */
    record Random(String group) implements Target {
        public Random {
            requireName(group);
        }

        @Override
        public String text() {
            return "random:" + group;
        }
    }

    /** Parses {@code host:NAME}, {@code role:NAME} or {@code random:GROUP}; empty if malformed. */
    static Optional<Target> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String prefix = text.substring(0, colon);
        String name = text.substring(colon + 1);
        if (!name.matches("[A-Za-z0-9_.\\-/]+")) {
            return Optional.empty();
        }
        if (prefix.equals("host")) {
            return Optional.of(new Host(name));
        }
        if (prefix.equals("role")) {
            return Optional.of(new Role(name));
        }
        if (prefix.equals("random")) {
            return Optional.of(new Random(name));
        }
        return Optional.empty();
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty target name");
        }
    }
}

package io.faultline.faults;

import io.faultline.sim.Host;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves targets and partition shapes to hosts at the moment a fault fires, drawing any random
 * choice from the nemesis' own stream so that the rest of the run's randomness is unchanged.
 */
final class Targets {
    private final Simulation sim;
    private final RoleResolver roles;
    private final Rng rng;

    Targets(Simulation sim, RoleResolver roles, Rng rng) {
        this.sim = sim;
        this.roles = roles;
        this.rng = rng;
    }

    /** The host the target names now, if any. */
    Optional<Host> resolve(Target target) {
        if (target instanceof Target.Host h) {
            return sim.host(h.name());
        }
        if (target instanceof Target.Role r) {
            return group(r.name()).stream().findFirst();
        }
        if (target instanceof Target.Random r) {
            List<Host> group = group(r.group());
            return group.isEmpty() ? Optional.empty() : Optional.of(rng.pick(group));
        }
        throw new IllegalStateException(target.toString());
    }

    /**
     * The hosts of a group or role: {@code any} is every host; {@code servers} is what the model calls
     * servers, or every host if it names none; other names are the model's roles.
     */
    List<Host> group(String name) {
        if (name.equals("any")) {
            return sim.hosts();
        }
        List<Host> hosts = new ArrayList<>();
        for (String n : roles.hosts(name, sim)) {
            sim.host(n).ifPresent(hosts::add);
        }
        if (hosts.isEmpty() && name.equals("servers")) {
            return sim.hosts();
        }
        return hosts;
    }

    /**
     * The pairs of hosts a partition of this shape separates, among the servers; empty if the shape
     * cannot be built now (its target holds no host, or there are too few servers).
     */
    List<Host[]> cuts(PartitionShape shape) {
        List<Host> servers = new ArrayList<>(group("servers"));
        int n = servers.size();
        List<Host[]> pairs = new ArrayList<>();
        if (n < 2) {
            return pairs;
        }
        if (shape instanceof PartitionShape.Isolate iso) {
            Optional<Host> h = resolve(iso.of());
            if (h.isPresent()) {
                for (Host other : sim.hosts()) {
                    if (other != h.get()) {
                        pairs.add(new Host[] {h.get(), other});
                    }
                }
            }
            return pairs;
        }
        if (shape instanceof PartitionShape.MinorityWith m) {
            Optional<Host> member = resolve(m.member());
            if (member.isEmpty()) {
                return pairs;
            }
            servers.remove(member.get());
            rng.shuffle(servers);
            int size = Math.max(1, (n - 1) / 2);
            List<Host> minority = new ArrayList<>(List.of(member.get()));
            minority.addAll(servers.subList(0, size - 1));
            return between(minority, servers.subList(size - 1, servers.size()));
        }
        rng.shuffle(servers);
        if (shape instanceof PartitionShape.Halves) {
            return between(servers.subList(0, n / 2), servers.subList(n / 2, n));
        }
        if (shape instanceof PartitionShape.Bridge) {
            // Two halves that both still reach one host, the bridge (the first of the shuffle).
            List<Host> rest = servers.subList(1, n);
            int half = rest.size() / 2;
            return between(rest.subList(0, half), rest.subList(half, rest.size()));
        }
        if (shape instanceof PartitionShape.MajoritiesRing) {
            // In a ring, each host keeps the neighbours within reach of a majority of its own.
            int reach = n / 2 / 2 + (n / 2) % 2;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int d = Math.min(j - i, n - (j - i));
                    if (d > reach) {
                        pairs.add(new Host[] {servers.get(i), servers.get(j)});
                    }
                }
            }
            return pairs;
        }
        if (shape instanceof PartitionShape.RandomCut) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rng.chance(0.5)) {
                        pairs.add(new Host[] {servers.get(i), servers.get(j)});
                    }
                }
            }
            return pairs;
        }
        throw new IllegalStateException(shape.toString());
    }

    /** One of {@code items}, from the nemesis' stream. */
    <T> T pick(List<T> items) {
        return rng.pick(items);
    }

    private static List<Host[]> between(List<Host> a, List<Host> b) {
        List<Host[]> pairs = new ArrayList<>();
        for (Host x : a) {
            for (Host y : b) {
                pairs.add(new Host[] {x, y});
            }
        }
        return pairs;
    }
}

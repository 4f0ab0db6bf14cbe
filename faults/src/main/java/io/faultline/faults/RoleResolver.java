package io.faultline.faults;

import io.faultline.sim.Simulation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Names a model's roles, so that fault targets such as {@code role:leader} or
 * {@code minority(role:controller)} can be resolved at the moment the fault fires. A model implements
 * it by looking at its processes; groups used by {@code random:GROUP} targets (such as
 * {@code servers} and {@code clients}) are roles too.
 *
 * <pre>{@code
 * RoleResolver roles = (role, sim) -> role.equals("primary") ? List.of("r0")
 *         : role.equals("servers") ? List.of("r0", "r1", "r2") : List.of();
 * }</pre>
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface RoleResolver {

    /** A resolver that knows no roles; {@code any} and {@code servers} then mean every host. */
    RoleResolver NONE = (role, sim) -> List.of();

    /**
     * The roles the running processes name themselves, through {@link HasRoles}, in the order the
     * hosts were added. What a {@link Nemesis} uses unless told otherwise.
     */
    RoleResolver PROCESSES = (role, sim) -> {
        List<String> hosts = new java.util.ArrayList<>();
        for (io.faultline.sim.Host h : sim.hosts()) {
            if (h.process(HasRoles.class).map(p -> p.roles().contains(role)).orElse(false)) {
                hosts.add(h.name());
            }
        }
        return hosts;
    };

    /**
     * The names of the hosts holding {@code role} right now, in a stable order (the first is taken
     * when one host is needed); empty if no host holds it (the fault is then skipped and the trace
     * says so).
     */
    List<String> hosts(String role, Simulation sim);
}

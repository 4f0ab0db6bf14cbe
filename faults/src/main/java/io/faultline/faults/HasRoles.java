package io.faultline.faults;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Implemented by a model's process to say which roles it holds right now, so that fault targets
 * such as {@code role:leader} find it without any other wiring ({@link RoleResolver#PROCESSES}).
 *
 * <pre>{@code
 * final class Replica implements Process, HasRoles {
 *     private boolean primary;
 *     public List<String> roles() {
 *         return primary ? List.of("primary", "servers") : List.of("servers");
 *     }
 *     ...
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface HasRoles {
    /** The roles this process holds now; called when a fault fires, so keep it cheap. */
    List<String> roles();
}

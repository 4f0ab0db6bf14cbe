package io.faultline.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The handles a {@link SystemSetup} exposed for one run of a seed, by type: a test method parameter
 * of exactly that type receives the instance. Exposing a type twice in one run is refused, so a
 * parameter never silently gets the wrong one of two clusters.
 *
 * <pre>{@code
 * handles.expose(KafkaCluster.class, cluster).expose(KafkaClient.class, cluster.client("c1"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Handles {
    private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

    Handles() {
    }

    /** Exposes {@code handle} to parameters of type {@code type}; returns this for chaining. */
    public <T> Handles expose(Class<T> type, T handle) {
        if (type == null || handle == null) {
            throw new IllegalArgumentException("expose(type, handle): neither may be null");
        }
        if (!type.isInstance(handle)) {
            throw new IllegalArgumentException("expose(" + type.getName() + ", ...): the handle is a "
                    + handle.getClass().getName());
        }
        if (byType.putIfAbsent(type, handle) != null) {
            throw new IllegalArgumentException("expose(" + type.getName() + ", ...): already exposed in this run");
        }
        return this;
    }

    /** The handle exposed as {@code type}, if any. */
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    /** The exposed types, in the order they were exposed. */
    public List<Class<?>> types() {
        return List.copyOf(new ArrayList<>(byType.keySet()));
    }
}

package io.faultline.models.s3.workload;

import io.faultline.checker.history.Value;
import io.faultline.sim.Rng;
import io.faultline.sim.client.Invocation;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Random operations on shared keys, with these weights: gets, puts of values unique to this client
 * ({@code tag} and a counter), conditional puts, deletes and LISTs of the whole bucket. A
 * conditional put expects what this client last saw of the key ({@code If-Match} its content, or
 * {@code If-None-Match: *} if it saw none), as an application doing read-modify-write would.
 */
final class ObjectMix implements ObjectWorkload {
    private final List<String> keys;
    private final double get;
    private final double put;
    private final double cas;
    private final double delete;
    private final double list;
    private final String tag;
    private final TreeMap<String, Value> seen = new TreeMap<>();
    private long n;

    ObjectMix(List<String> keys, double get, double put, double cas, double delete, double list, String tag) {
        this.keys = List.copyOf(keys);
        this.get = get;
        this.put = put;
        this.cas = cas;
        this.delete = delete;
        this.list = list;
        this.tag = tag;
    }

    @Override
    public Optional<Invocation> next(Rng rng) {
        double x = rng.nextDouble() * (get + put + cas + delete + list);
        String key = rng.pick(keys);
        if (x < get) {
            return Optional.of(ObjectWorkload.get(key));
        }
        if (x < get + put) {
            return Optional.of(ObjectWorkload.put(key, tag + "-" + (n++)));
        }
        if (x < get + put + cas) {
            return Optional.of(ObjectWorkload.cas(key, seen.getOrDefault(key, Value.NIL), tag + "-" + (n++)));
        }
        if (x < get + put + cas + delete) {
            return Optional.of(ObjectWorkload.delete(key));
        }
        return Optional.of(ObjectWorkload.list(""));
    }

    @Override
    public void observed(String key, Value content) {
        seen.put(key, content);
    }
}

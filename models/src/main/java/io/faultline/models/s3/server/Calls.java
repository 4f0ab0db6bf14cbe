package io.faultline.models.s3.server;

import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A front-end's outstanding calls to index replicas: send one message to each target, collect one
 * reply per target, and continue once {@code needed} replied. Calls belong to a client request, and
 * all of a request's calls are dropped when it is answered (so a late reply does nothing). Resends
 * go to the targets that have not replied, since the network may lose messages.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Calls {
    private final class Call {
        final long owner;
        final List<HostId> targets;
        final Predicate<TreeMap<HostId, S3Wire>> enough;
        final LongFunction<S3Wire> make;
        final Consumer<TreeMap<HostId, S3Wire>> done;
        final TreeMap<HostId, S3Wire> replies = new TreeMap<>();

        Call(long owner, List<HostId> targets, Predicate<TreeMap<HostId, S3Wire>> enough, LongFunction<S3Wire> make,
             Consumer<TreeMap<HostId, S3Wire>> done) {
            this.owner = owner;
            this.targets = List.copyOf(targets);
            this.enough = enough;
            this.make = make;
            this.done = done;
        }
    }

    private final CallWindow<Call> calls = new CallWindow<>(1);
    /** Each request's call ids, so that answering it drops them without looking through every open call. */
    private final TreeMap<Long, List<Long>> byOwner = new TreeMap<>();

    /** Starts a call on behalf of request {@code owner}; returns its id. */
    long start(Context ctx, long owner, List<HostId> targets, int needed, LongFunction<S3Wire> make,
               Consumer<TreeMap<HostId, S3Wire>> done) {
        return start(ctx, owner, targets, replies -> replies.size() >= needed, make, done);
    }

    /** Starts a call that continues once the replies so far satisfy {@code enough}. */
    long start(Context ctx, long owner, List<HostId> targets, Predicate<TreeMap<HostId, S3Wire>> enough,
               LongFunction<S3Wire> make, Consumer<TreeMap<HostId, S3Wire>> done) {
        long id = calls.open(new Call(owner, targets, enough, make, done));
        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(id);
        for (HostId t : targets) {
            ctx.send(t, make.apply(id));
        }
        return id;
    }

    /** A reply arrived; runs the continuation if it completes its call. */
    void reply(HostId from, S3Wire m) {
        if (!(m instanceof S3Wire.Reply r)) {
            return;
        }
        Call c = calls.get(r.call());
        if (c == null || !c.targets.contains(from)) {
            return;
        }
        c.replies.putIfAbsent(from, m);
        if (c.enough.test(c.replies)) {
            calls.remove(r.call());
            c.done.accept(c.replies);
        }
    }

    /** Completes a call with the replies it has (at least one), for windows that do not wait for all. */
    void finishEarly(long id) {
        Call c = calls.get(id);
        if (c != null && !c.replies.isEmpty()) {
            calls.remove(id);
            c.done.accept(c.replies);
        }
    }

    void resend(Context ctx) {
        calls.forEach((id, c) -> {
            for (HostId t : c.targets) {
                if (!c.replies.containsKey(t)) {
                    ctx.send(t, c.make.apply(id));
                }
            }
        });
    }

    /** Abandons call {@code id}: its replies are ignored from now on. */
    void cancel(long id) {
        calls.remove(id);
    }

    /** Abandons every open call of request {@code owner}. */
    void dropOwner(long owner) {
        List<Long> ids = byOwner.remove(owner);
        if (ids != null) {
            ids.forEach(calls::remove);
        }
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }
}

package io.faultline.serve.s3;

import io.faultline.checker.history.History;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.governance.Governance;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.models.s3.governance.NotificationTarget;
import io.faultline.serve.s3.crypto.SealedObject;
import io.faultline.serve.s3.governance.EventMessage;
import io.faultline.serve.s3.governance.EventOrigin;
import io.faultline.serve.s3.governance.GovernanceConfigs;
import io.faultline.serve.s3.governance.TestEvent;
import io.faultline.serve.s3.http.TimeBase;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.session.SessionFile;
import io.faultline.sim.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The S3 model in real time. One thread owns the simulation (the model itself has none): every
 * millisecond it runs the simulation up to "now" (virtual time is wall time since the start), and
 * each request is injected by the same thread as "run to now, record (now, request), submit".
 * A replay makes the same calls in the same order at the same virtual times, so it is the same
 * run: same answers, same history.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LiveModel implements AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faultline-s3-simulation");
        t.setDaemon(true);
        return t;
    });
    private final ServedS3 model;
    private final Optional<SessionFile.Writer> session;
    private final long startNanos;
    // Both touched on the simulation's thread only.
    private final TreeMap<Long, EventOrigin> origins = new TreeMap<>();
    private final List<TestEvent> tests = new ArrayList<>();

    public LiveModel(long seed, ConsistencyMode mode, long legacyLagNanos, Optional<SessionFile.Writer> session, long startEpochMillis) {
        this.model = ServedS3.live(seed, mode, legacyLagNanos, startEpochMillis);
        this.session = session;
        this.startNanos = System.nanoTime();
        run(() -> model.cluster().sim().run(0));
        thread.scheduleWithFixedDelay(this::advance, 1, 1, TimeUnit.MILLISECONDS);
    }

    private long now() {
        return System.nanoTime() - startNanos;
    }

    private void advance() {
        Simulation sim = model.cluster().sim();
        sim.run(Math.max(sim.now(), now()));
    }

    /**
     * Sends a request into the model; the future completes with S3's answer. {@code origin} is kept
     * for the event messages a write causes (a read causes none), as long as the deliveries are.
     */
    public CompletableFuture<S3Result<?>> call(WireRequest wire, S3Request request, EventOrigin origin) {
        CompletableFuture<S3Result<?>> answer = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                advance();
                long at = model.cluster().sim().now();
                if (session.isPresent()) {
                    session.get().append(at, wire);
                }
                long[] admitted = new long[1];
                admitted[0] = model.gateway().submit(request, wire.copyWrite(), result -> {
                    // Called right after the governance observed the answer: with no notification on the
                    // bucket then, the request caused no event, and its origin is not kept.
                    if (model.gateway().governance().notifications(request.bucket()).isEmpty()) {
                        origins.remove(admitted[0]);
                    }
                    answer.complete(result);
                });
                if (!wire.method().equals("GET") && !wire.method().equals("HEAD")) {
                    origins.put(admitted[0], origin);
                }
            } catch (IOException e) {
                answer.completeExceptionally(new UncheckedIOException("cannot write the session file", e));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /**
     * A request on the governance's sub-resources ({@code ?notification}, {@code ?replication},
     * {@code ?logging}), applied at "now" on the simulation's thread; a change is recorded in the
     * session like any request, so that the replay applies it at the same virtual time.
     */
    public CompletableFuture<HttpAnswer> configure(WireRequest wire, String requestId) {
        return CompletableFuture.supplyAsync(() -> {
            advance();
            long now = model.cluster().sim().now();
            if (session.isPresent() && GovernanceConfigs.changes(wire)) {
                try {
                    session.get().append(now, wire);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the session file", e);
                }
            }
            Governance g = model.gateway().governance();
            HttpAnswer answer = GovernanceConfigs.apply(g, wire);
            if (wire.method().equals("PUT") && wire.hasParam("notification")) {
                // S3 tests each queue of a new configuration with an s3:TestEvent (FIDELITY A16.13).
                g.notifications(wire.bucket()).stream().filter(t -> t.kind() == NotificationTarget.Kind.QUEUE)
                        .map(NotificationTarget::arn).distinct()
                        .forEach(arn -> tests.add(new TestEvent(arn, now, wire.bucket(), requestId)));
            }
            return answer;
        }, thread);
    }

    /**
     * The message bodies a queue or function received, in order (FIDELITY A16.13): each delivery's
     * event as S3's JSON event structure, and a queue's {@code s3:TestEvent}s where they fell.
     * {@code sealed} finds the encrypted write behind a stored ETag.
     */
    public List<String> messages(String arn, TimeBase time, Function<String, Optional<SealedObject>> sealed) {
        return run(() -> {
            List<String> out = new ArrayList<>();
            List<TestEvent> pending = tests.stream().filter(t -> t.arn().equals(arn)).toList();
            int next = 0;
            for (Delivery d : model.gateway().governance().deliveries(arn)) {
                while (next < pending.size() && pending.get(next).at() <= d.deliveredAt()) {
                    out.add(EventMessage.json(pending.get(next++), time));
                }
                EventOrigin origin = origins.get(d.event().request());
                if (origin == null) {
                    throw new IllegalStateException("an event of request " + d.event().request() + ", which the server did not admit");
                }
                out.add(EventMessage.json(d, origin, time, d.event().etag().isEmpty() ? Optional.empty() : sealed.apply(d.event().etag())));
            }
            pending.subList(next, pending.size()).forEach(t -> out.add(EventMessage.json(t, time)));
            return out;
        });
    }

    /** Reads the governance's state on the simulation's thread (deliveries, replication status). */
    public <T> T governance(Function<Governance, T> read) {
        return run(() -> read.apply(model.gateway().governance()));
    }

    /** The judged history so far. */
    public History history() {
        return run(() -> model.gateway().judgedHistory());
    }

    private <T> T run(java.util.function.Supplier<T> task) {
        try {
            return CompletableFuture.supplyAsync(task, thread).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulation thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the simulation thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session.isPresent()) {
            try {
                session.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the session file", e);
            }
        }
    }
}

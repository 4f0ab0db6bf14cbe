package io.faultline.serve.s3;

import io.faultline.checker.history.History;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.governance.Governance;
import io.faultline.serve.s3.governance.GovernanceConfigs;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.session.ServedS3;
import io.faultline.serve.s3.session.SessionFile;
import io.faultline.sim.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
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

    /** Sends a request into the model; the future completes with S3's answer. */
    public CompletableFuture<S3Result<?>> call(WireRequest wire, S3Request request) {
        CompletableFuture<S3Result<?>> answer = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                advance();
                long at = model.cluster().sim().now();
                if (session.isPresent()) {
                    session.get().append(at, wire);
                }
                model.gateway().submit(request, answer::complete);
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
    public CompletableFuture<HttpAnswer> configure(WireRequest wire) {
        return CompletableFuture.supplyAsync(() -> {
            advance();
            if (session.isPresent() && GovernanceConfigs.changes(wire)) {
                try {
                    session.get().append(model.cluster().sim().now(), wire);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the session file", e);
                }
            }
            return GovernanceConfigs.apply(model.gateway().governance(), wire);
        }, thread);
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

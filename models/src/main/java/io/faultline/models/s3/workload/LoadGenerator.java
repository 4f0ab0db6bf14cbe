package io.faultline.models.s3.workload;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * An open-loop load generator: PUTs at a fixed rate whatever the answers, and counts them per
 * 100 ms of virtual time: ok, 503 SlowDown, other. Keys are either sequential under one prefix
 * ({@code logs/00000001}, what a log shipper writes) or behind a hashed prefix
 * ({@code 3fa2/logs/00000001}, FIDELITY A15's advice for spreading load over partitions).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LoadGenerator implements Process {
    /** How keys are named. */
    public enum KeyStyle { SEQUENTIAL, HASHED }

    private record Tick() implements Timer {
    }

    private static final long TICK = 10 * Simulation.MILLIS;
    /** Answers are counted per window of this length. */
    public static final long WINDOW = 100 * Simulation.MILLIS;

    private final S3Requester s3;
    private final String bucket;
    private final KeyStyle style;
    private final double perTick;
    private final long stopAtNanos;
    private final TreeMap<Long, long[]> perSecond = new TreeMap<>();
    private double owed;
    private long counter;

    public LoadGenerator(HostId frontEnd, String bucket, KeyStyle style, double perSecond, long stopAtNanos) {
        this.s3 = new S3Requester(frontEnd);
        this.bucket = bucket;
        this.style = style;
        this.perTick = perSecond * TICK / Simulation.SECONDS;
        this.stopAtNanos = stopAtNanos;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(TICK, new Tick());
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (!(t instanceof Tick) || ctx.now() >= stopAtNanos) {
            return;
        }
        owed += perTick;
        while (owed >= 1) {
            owed -= 1;
            String key = key(counter++);
            s3.putObject(ctx, bucket, key, Body.of("x"), r -> count(ctx, r));
        }
        ctx.setTimer(TICK, new Tick());
    }

    private String key(long n) {
        String digits = Long.toString(n);
        String seq = "logs/" + "00000000".substring(Math.min(8, digits.length())) + digits;
        if (style == KeyStyle.SEQUENTIAL) {
            return seq;
        }
        String h = ETags.hex(ETags.md5(seq.getBytes(StandardCharsets.UTF_8))).substring(0, 4);
        return h + "/" + seq;
    }

    private void count(Context ctx, S3Result<?> r) {
        long[] c = perSecond.computeIfAbsent(ctx.now() / WINDOW, s -> new long[3]);
        if (r.isOk()) {
            c[0]++;
        } else if (r.failureOrThrow().error() == S3Error.SLOW_DOWN) {
            c[1]++;
        } else {
            c[2]++;
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }

    /** Per {@link #WINDOW} of virtual time (by window number): {ok, SlowDown, other}. */
    public Map<Long, long[]> perWindow() {
        TreeMap<Long, long[]> copy = new TreeMap<>();
        perSecond.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}

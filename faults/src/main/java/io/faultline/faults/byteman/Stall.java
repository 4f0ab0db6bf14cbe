package io.faultline.faults.byteman;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A gate that a {@link Rules#stall} rule blocks threads on, until the test calls {@link #release()}.
 * Every wait is bounded by the stall's timeout, so a forgotten release slows a test down but never
 * hangs it.
 *
 * <pre>{@code
 * Stall stall = Stall.create(Duration.ofSeconds(5));
 * try (Injection i = Byteman.install(Rules.stall(Disk.class, "flush()", stall))) {
 *     Thread t = new Thread(disk::flush);
 *     t.start();
 *     assertTrue(stall.awaitStalled(Duration.ofSeconds(5)));   // t is now blocked in flush()
 *     stall.release();                                        // let it go
 *     t.join();
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Stall {
    // Rules name a stall by key: the injected code finds the gate here, by a static call.
    private static final Map<String, Stall> OPEN = new ConcurrentHashMap<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String key;
    private final Duration timeout;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private Stall(String key, Duration timeout) {
        this.key = key;
        this.timeout = timeout;
    }

    /** A new, closed gate whose waits last at most {@code timeout}. */
    public static Stall create(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        Stall s = new Stall("faultline-stall-" + SEQUENCE.incrementAndGet(), timeout);
        OPEN.put(s.key, s);
        return s;
    }

    /** The key the rule text uses to find this gate. */
    public String key() {
        return key;
    }

    /** Waits up to {@code max} for a thread to reach the stalled method; true if one did. */
    public boolean awaitStalled(Duration max) throws InterruptedException {
        return arrived.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the gate: threads blocked on it go on, and later arrivals pass straight through. */
    public void release() {
        released.countDown();
        OPEN.remove(key);
    }

    /**
     * Called by the injected rule in the stalled thread. Public only because Byteman's generated
     * code calls it; not for tests. Returns true if released, false if the timeout passed (or the
     * key is unknown, which means the stall was already released and forgotten).
     */
    public static boolean arrive(String key) throws InterruptedException {
        Stall s = OPEN.get(key);
        if (s == null) {
            return true;
        }
        s.arrived.countDown();
        return s.released.await(s.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

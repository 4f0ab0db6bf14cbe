package io.faultline.sim;

import java.util.ArrayDeque;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A virtual machine: one {@link Process} at a time, a {@link Disk}, a local {@link Clock}, a random
 * stream, and optionally a CPU that takes {@link #cpuServiceTime} per message.
 *
 * <p>Lifecycle faults, each recorded in the trace:
 * <ul>
 *   <li>{@link #crash()}: the process object is discarded (volatile state gone), its pending timers
 *       and queued messages are dropped, unsynced disk writes are lost; messages arriving while
 *       down are dropped.</li>
 *   <li>{@link #restart()}: a new process from the {@link ProcessFactory}; its {@code onStart}
 *       recovers from the disk.</li>
 *   <li>{@link #pause()} / {@link #resume()}: a paused host (a GC pause, SIGSTOP) handles nothing;
 *       deliveries and timers wait, in order, until it resumes. Its clock keeps running.</li>
 * </ul>
 *
 * <pre>{@code
 * Host n1 = sim.addHost("n1", self -> new Replica());
 * n1.cpuServiceTime(50 * Simulation.MICROS);
 * sim.at(10 * Simulation.SECONDS, "crash n1", n1::crash);
 * sim.at(15 * Simulation.SECONDS, "restart n1", n1::restart);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Host {
    private final Simulation sim;
    private final HostId id;
    /** {@code id.index()}, kept here: the hot path would otherwise read the id, another cache line. */
    private final int index;
    private final ProcessFactory factory;
    private final Disk disk;
    private final Clock clock;
    private final Rng rng;
    private final ArrayDeque<Event> pausedQueue = new ArrayDeque<>();
    private Process process;
    private HostContext context;
    private int incarnation;
    private boolean up;
    private boolean started;
    private boolean paused;
    private long cpuNanos;
    private long busyUntil;

    Host(Simulation sim, HostId id, ProcessFactory factory, Rng rng) {
        this.sim = sim;
        this.id = id;
        this.index = id.index();
        this.factory = factory;
        this.rng = rng;
        this.clock = new Clock(sim, id.index());
        this.disk = new Disk(sim, this);
    }

    public HostId id() {
        return id;
    }

    public String name() {
        return id.name();
    }

    public Disk disk() {
        return disk;
    }

    public Clock clock() {
        return clock;
    }

    /** This host's random stream, shared by its successive processes. */
    public Rng rng() {
        return rng;
    }

    /** True unless crashed (a paused host is up). */
    public boolean isUp() {
        return up;
    }

    public boolean isPaused() {
        return paused;
    }

    /** How many times this host's process was (re)started. */
    public int incarnation() {
        return incarnation;
    }

    /** The current process, for invariants and checks to inspect; empty while crashed. */
    public Optional<Process> process() {
        return Optional.ofNullable(up ? process : null);
    }

    /** The current process if it is a {@code type}. */
    public <P> Optional<P> process(Class<P> type) {
        // Invariants call this after every event: no lambdas, one allocation at most.
        return up && type.isInstance(process) ? Optional.of(type.cast(process)) : Optional.empty();
    }

    /** CPU time each message takes; messages queue (FIFO) while the CPU is busy. 0 = instant. */
    public void cpuServiceTime(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("cpu service time must not be negative");
        }
        cpuNanos = nanos;
    }

    /** Crashes the host (see the class comment); does nothing if it is already down. */
    public void crash() {
        if (!up || !sim.admits(new FaultCall.Crash(name()))) {
            return;
        }
        down();
    }

    private void down() {
        up = false;
        paused = false;
        pausedQueue.clear();
        process = null;
        context = null;
        busyUntil = 0;
        disk.crash();
        sim.trace().record(sim.now(), TraceKind.CRASH, id.index(), -1, "crash");
        sim.trace().fault(sim.now(), id.index(), "crash");
    }

    /** Starts a new process from the factory (crashing the current one first if it is up). */
    public void restart() {
        if (!sim.admits(new FaultCall.Restart(name()))) {
            return;
        }
        if (up) {
            down();
        }
        sim.trace().fault(sim.now(), id.index(), "restart");
        sim.trace().record(sim.now(), TraceKind.RESTART, id.index(), -1, "restart");
        boot();
    }

    /** Pauses the host; does nothing if it is down or already paused. */
    public void pause() {
        if (!up || paused || !sim.admits(new FaultCall.Pause(name()))) {
            return;
        }
        paused = true;
        sim.trace().record(sim.now(), TraceKind.PAUSE, id.index(), -1, "pause");
        sim.trace().fault(sim.now(), id.index(), "pause");
    }

    /** Resumes a paused host: what waited is handled now, in arrival order. */
    public void resume() {
        if (!paused || !sim.admits(new FaultCall.Resume(name()))) {
            return;
        }
        paused = false;
        sim.trace().record(sim.now(), TraceKind.RESUME, id.index(), -1, "resume");
        sim.trace().fault(sim.now(), id.index(), "resume");
        while (!pausedQueue.isEmpty()) {
            sim.push(pausedQueue.poll(), sim.now());
        }
    }

    void start() {
        if (!started) {
            started = true;
            boot();
        }
    }

    private void boot() {
        incarnation++;
        up = true;
        process = factory.create(id);
        context = new HostContext(this, incarnation);
        sim.trace().record(sim.now(), TraceKind.START, id.index(), -1, "start #" + incarnation);
        process.onStart(context);
    }

    void receive(int from, Message m, long sentAt, byte state, int inc) {
        int self = index;
        if (!up || (state == Delivery.ADMITTED && inc != incarnation)) {
            sim.trace().message(sim.now(), TraceKind.DROP, from, self, sentAt, m, Trace.Fate.HOST_DOWN);
            return;
        }
        if (paused) {
            byte waiting = state == Delivery.ON_WIRE ? Delivery.ARRIVED : state;
            pausedQueue.add(new Delivery(from, self, m, sentAt, waiting, inc));
            return;
        }
        if (cpuNanos > 0 && state != Delivery.ADMITTED) {
            long now = sim.now();
            busyUntil = Math.max(now, busyUntil) + cpuNanos;
            sim.push(new Delivery(from, self, m, sentAt, Delivery.ADMITTED, incarnation), busyUntil);
            return;
        }
        sim.trace().message(sim.now(), TraceKind.DELIVER, from, self, sentAt, m, Trace.Fate.DELIVERED);
        process.onMessage(context, sim.idAt(from), m);
    }

    void fireTimer(TimerEvent t) {
        if (!up || t.incarnation != incarnation) {
            t.done = true;
            return;
        }
        if (paused) {
            pausedQueue.add(t);
            return;
        }
        t.done = true;
        if (t.effect != null) {
            t.effect.run();
        }
        if (t.timer != null) {
            sim.trace().timer(sim.now(), index, t.timer);
            process.onTimer(context, t.timer);
        }
    }

    TimerId setTimer(int inc, long localDelayNanos, Timer timer, Runnable effect) {
        TimerEvent ev = new TimerEvent(this, inc, timer, effect);
        if (inc != incarnation || !up) {
            ev.done = true;
            return new TimerId(ev);
        }
        if (localDelayNanos < 0) {
            throw new IllegalArgumentException("timer delay must not be negative: " + localDelayNanos);
        }
        sim.push(ev, sim.now() + clock.trueDuration(localDelayNanos));
        return new TimerId(ev);
    }

    int currentIncarnation() {
        return up ? incarnation : -1;
    }

    Simulation sim() {
        return sim;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return id.name() + (up ? (paused ? " (paused)" : "") : " (down)");
    }
}

package io.faultline.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * One deterministic run: a single event queue ordered by (virtual time, sequence number), on one
 * thread. It owns the virtual clock, the root {@link Rng}, the {@link Network}, the {@link Host}s and
 * the {@link Trace}. Same seed and same code give the same trace hash, in any JVM.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(42);
 * Host server = sim.addHost("server", self -> new EchoServer());
 * Host client = sim.addHost("client", self -> new EchoClient(server.id()));
 * sim.at(2 * Simulation.SECONDS, "isolate server", () -> sim.network().isolate(server.id()));
 * RunStatus status = sim.run(10 * Simulation.SECONDS);
 * String hash = sim.trace().hash();
 * }</pre>
 *
 * <p>Runs are bounded ({@link Bounds}): hitting the event or time bound stops the run with a status
 * whose {@link RunStatus#isBound()} is true. Invariants run after every event.
 *
 * <p>Random streams: the network uses {@code rng().fork("network")}, host {@code h} uses
 * {@code rng().fork("host").fork(h)}; other components should fork their own names.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Simulation {
    public static final long NANOS = 1;
    public static final long MICROS = 1_000;
    public static final long MILLIS = 1_000_000;
    public static final long SECONDS = 1_000_000_000;
    public static final long MINUTES = 60 * SECONDS;
    public static final long HOURS = 60 * MINUTES;
    public static final long DAYS = 24 * HOURS;

    private final long seed;
    private final Bounds bounds;
    private final Rng rng;
    private final Rng hostRngs;
    private final EventQueue queue = new EventQueue();
    private final List<Host> hosts = new ArrayList<>();
    /**
     * The hosts' ids by index: a delivery names its sender from here, without reading the sender's
     * {@code Host} (a cache miss per event among thousands of hosts).
     */
    private HostId[] ids = new HostId[16];
    private final TreeMap<String, Host> byName = new TreeMap<>();
    private final Network network;
    private final Trace trace;
    private final List<Invariant> invariants = new ArrayList<>();
    private final List<FaultPlan> plans = new ArrayList<>();
    private final FaultGate faults = new FaultGate();
    private boolean started;
    private long now;
    private long seq;
    private long events;
    private Violation violation;
    private long untilBudget;
    private boolean running;
    private RunStatus stoppedBy;
    private String stopReason;

    /** A simulation with this seed and the {@link Bounds#DEFAULT} bounds. */
    public Simulation(long seed) {
        this(seed, Bounds.DEFAULT);
    }

    public Simulation(long seed, Bounds bounds) {
        this.seed = seed;
        this.bounds = bounds;
        this.rng = new Rng(seed);
        this.hostRngs = rng.fork("host");
        this.trace = new Trace(i -> hosts.get(i).name());
        this.network = new Network(this, rng.fork("network"));
        this.untilBudget = Bounds.BUDGET_EVERY;
    }

    public long seed() {
        return seed;
    }

    public Bounds bounds() {
        return bounds;
    }

    /** True virtual time in nanoseconds (hosts read their own {@link Clock}s). */
    public long now() {
        return now;
    }

    /** The root random stream; fork it by name rather than drawing from it directly. */
    public Rng rng() {
        return rng;
    }

    public Network network() {
        return network;
    }

    public Trace trace() {
        return trace;
    }

    /** Events processed so far. */
    public long eventCount() {
        return events;
    }

    /** Events waiting in the queue (including cancelled timers not yet reached). */
    public int pendingEvents() {
        return queue.size();
    }

    /**
     * Adds a host whose process is built by {@code factory}; it starts (its {@code onStart} runs) as
     * an event at the current time, after every host added before the run exists.
     */
    public Host addHost(String name, ProcessFactory factory) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("duplicate host name: " + name);
        }
        HostId id = new HostId(hosts.size(), name);
        Host h = new Host(this, id, factory, hostRngs.fork(name));
        hosts.add(h);
        if (id.index() == ids.length) {
            ids = java.util.Arrays.copyOf(ids, 2 * ids.length);
        }
        ids[id.index()] = id;
        byName.put(name, h);
        network.addHost();
        push(new StartEvent(h), now);
        return h;
    }

    /** All hosts, in the order they were added. */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public Host host(HostId id) {
        return hosts.get(id.index());
    }

    /** The host named {@code name}, if any. */
    public Optional<Host> host(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Host hostAt(int index) {
        return hosts.get(index);
    }

    HostId idAt(int index) {
        return ids[index];
    }

    /** Runs {@code action} at virtual time {@code timeNanos} (at least now); traced as ACTION. */
    public void at(long timeNanos, String description, Runnable action) {
        push(new ActionEvent(description, action), Math.max(timeNanos, now));
    }

    /** Runs {@code action} after {@code delayNanos}. */
    public void after(long delayNanos, String description, Runnable action) {
        at(now + delayNanos, description, action);
    }

    /** Applies a fault plan (it schedules its own actions, with {@link #faultAt}). */
    public void install(FaultPlan plan) {
        plans.add(plan);
        plan.install(this);
    }

    /**
     * Makes {@code plan} the run's only source of faults (a replayed or drawn schedule given with the
     * run): it is installed when the run starts unless it was installed before, and from then on a
     * fault primitive call ({@link FaultCall}) takes effect only when it comes from the plan's own
     * actions ({@link #faultAt}, {@link FaultPlan#stop}) or when the plan claims it
     * ({@link FaultPlan#claim}: a replayed call of the scenario's own, at its very time and place).
     * A scenario that draws or scripts faults in its own code thus runs
     * its workload and checks unchanged while the plan supplies every fault; the calls it makes that
     * the plan does not claim are dropped, untraced. What a scenario sets up before the run starts
     * (links, clocks) is configuration and always takes effect.
     */
    public void faultsOnlyFrom(FaultPlan plan) {
        faults.onlySource(java.util.Objects.requireNonNull(plan));
    }

    /**
     * Runs a fault plan's action at virtual time {@code timeNanos} (at least now), once every event
     * before that time has run and before any later one. It is not an event: it takes no place in
     * the event order and leaves no trace line of its own (the primitives it calls do), so that
     * calls it replays land where they first happened. Its faults take effect when the plan is the
     * run's only source.
     */
    public void faultAt(long timeNanos, String description, Runnable action) {
        faults.at(Math.max(timeNanos, now), description, action);
    }

    /** A fault plan's action after {@code delayNanos}: {@code faultAt(now() + delayNanos, ...)}. */
    public void faultAfter(long delayNanos, String description, Runnable action) {
        faultAt(now + delayNanos, description, action);
    }

    /**
     * Every fault primitive call that took effect after the run started, with its virtual time, in
     * order: what the scenario's own code (and its own fault plans) did. Empty when the run has an
     * only source of faults, whose schedule is then what the run did.
     */
    public List<AppliedFault> faultLog() {
        return faults.log();
    }

    /** The gate of every fault primitive: true if {@code call}, made now, takes effect. */
    boolean admits(FaultCall call) {
        return faults.admits(call, now, started);
    }

    /** Records a fault (or heal) that is not one of the kernel's primitives, for the timeline. */
    public void recordFault(String description) {
        trace.fault(now, -1, description);
    }

    void recordFault(int host, String description) {
        trace.fault(now, host, description);
    }

    /**
     * Ends every fault: stops the installed fault plans (each undoes its own faults), heals the
     * network, resumes paused hosts, restarts crashed ones. Between run phases this is the switch to
     * a liveness phase. In a run with an only source of faults ({@link #faultsOnlyFrom}) the heal's
     * own calls go through the gate like any scenario call (the plan claims those a replayed run
     * made, the others are dropped), and between phases the plan then applies what it holds for this
     * moment; called from an event of such a run, it is one of the scenario's own heals and leaves
     * the plans on.
     */
    public void healAll() {
        FaultPlan given = faults.onlySource();
        if (!(running && given != null && !faults.inPlan())) {
            for (FaultPlan p : plans) {
                if (p == given) {
                    faults.asPlan(() -> p.stop(this));
                } else {
                    p.stop(this);           // a scenario's own plan: its calls are the scenario's
                }
            }
        }
        restoreEveryHost();
        if (given != null && !running && started) {
            faults.asPlan(() -> given.applyAt(now));
        }
    }

    /**
     * Every host back and reachable: the network healed, paused hosts resumed, crashed ones
     * restarted. The part of {@link #healAll} that a fault plan's own stop may also need, without
     * stopping the plans.
     */
    public void restoreEveryHost() {
        network.healAll();
        for (Host h : hosts) {
            if (h.isPaused()) {
                h.resume();
            }
            if (!h.isUp()) {
                h.restart();
            }
        }
    }

    public void addInvariant(Invariant invariant) {
        invariants.add(invariant);
    }

    /** The first invariant violation, if any. */
    public Optional<Violation> violation() {
        return Optional.ofNullable(violation);
    }

    /**
     * Why a budget or the pending bound stopped this simulation, if one did. Such a stop is final:
     * every later {@code run} returns the same status at once.
     */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** The status of a final stop ({@link RunStatus#BUDGET_SPENT} or {@link RunStatus#PENDING_BOUND}), if any. */
    public Optional<RunStatus> stoppedBy() {
        return Optional.ofNullable(stoppedBy);
    }

    /** Processes events up to and including virtual time {@code untilNanos}, then sets now to it. */
    public RunStatus run(long untilNanos) {
        return loop(null, untilNanos);
    }

    /** Runs for {@code durationNanos} more virtual time: {@code run(now() + durationNanos)}. */
    public RunStatus runFor(long durationNanos) {
        return run(now + durationNanos);
    }

    /**
     * Processes events until {@code condition} is true (checked before each event), or until virtual
     * time {@code limitNanos} passes without it.
     */
    public RunStatus runUntil(BooleanSupplier condition, long limitNanos) {
        return loop(condition, limitNanos);
    }

    private RunStatus loop(BooleanSupplier condition, long limit) {
        if (!started) {
            started = true;
            FaultPlan given = faults.onlySource();
            if (given != null && !plans.contains(given)) {
                install(given);
            }
        }
        running = true;
        try {
            return runLoop(condition, limit);
        } finally {
            running = false;
        }
    }

    private RunStatus runLoop(BooleanSupplier condition, long limit) {
        boolean checkInvariants = !invariants.isEmpty();
        while (true) {
            if (stoppedBy != null) {
                return stoppedBy;
            }
            if (violation != null) {
                return RunStatus.INVARIANT_VIOLATED;
            }
            if (condition != null && condition.getAsBoolean()) {
                return RunStatus.CONDITION_MET;
            }
            long t = queue.isEmpty() ? Long.MAX_VALUE : queue.peekTime();
            long due = faults.firstBefore(Math.min(t, Math.min(limit, bounds.maxNanos())));
            if (due >= 0) {
                // A plan's timed action, due before the next event: it runs now, at its own time.
                now = Math.max(now, due);
                FaultGate.Timed action = faults.pollFirst();
                faults.asPlan(action.action());
                if (checkInvariants) {
                    checkInvariants(() -> "fault plan action " + action.description());
                }
                continue;
            }
            if (queue.isEmpty() || t > limit) {
                if (limit > bounds.maxNanos()) {
                    now = Math.max(now, bounds.maxNanos());
                    return RunStatus.TIME_BOUND;
                }
                now = Math.max(now, limit);
                if (condition != null && condition.getAsBoolean()) {
                    return RunStatus.CONDITION_MET;
                }
                return condition == null ? RunStatus.REACHED_TIME : RunStatus.LIMIT_REACHED;
            }
            if (t > bounds.maxNanos()) {
                now = bounds.maxNanos();
                return RunStatus.TIME_BOUND;
            }
            if (events >= bounds.maxEvents()) {
                return RunStatus.EVENT_BOUND;
            }
            if (budgetSpent()) {
                return stoppedBy;
            }
            int slot = queue.poll();
            now = t;
            events++;
            Event e = queue.event(slot);
            if (e != null) {
                e.fire(this);
            } else {
                network.arrive(queue.from(slot), queue.to(slot), queue.message(slot), queue.sentAt(slot),
                        Delivery.ON_WIRE, 0);
            }
            if (checkInvariants) {
                // The slot stays valid until the next poll.
                checkInvariants(() -> e != null ? describe(e)
                        : describeDelivery(queue.from(slot), queue.to(slot), queue.message(slot)));
            }
        }
    }

    private void checkInvariants(java.util.function.Supplier<String> what) {
        for (Invariant inv : invariants) {
            Optional<String> broken = inv.check(this);
            if (broken.isPresent()) {
                violation = new Violation(inv.name(), broken.get(), now, events, what.get());
                trace.record(now, TraceKind.VIOLATION, -1, -1, violation.toString());
                return;
            }
        }
    }

    private String describe(Event e) {
        if (e instanceof Delivery d) {
            return describeDelivery(d.from, d.to, d.message);
        }
        if (e instanceof TimerEvent t) {
            return "timer " + t.host.name() + " " + (t.timer == null ? "fsync" : t.timer);
        }
        if (e instanceof ActionEvent a) {
            return "action " + a.description;
        }
        if (e instanceof StartEvent s) {
            return "start " + s.host.name();
        }
        return e.getClass().getSimpleName();
    }

    private String describeDelivery(int from, int to, Message m) {
        return "deliver " + hosts.get(from).name() + " -> " + hosts.get(to).name() + " " + m;
    }

    /** Asks the budget every {@link Bounds#BUDGET_EVERY} calls; true once it is spent. */
    private boolean budgetSpent() {
        if (--untilBudget > 0) {
            return false;
        }
        untilBudget = Bounds.BUDGET_EVERY;
        Optional<String> spent = bounds.budget().spent(now);
        spent.ifPresent(reason -> stop(RunStatus.BUDGET_SPENT, reason));
        return spent.isPresent();
    }

    void push(Event e, long time) {
        if (admitsPush()) {
            queue.add(e, time, seq++);
        }
    }

    /** Puts a message on the wire, due at {@code time}. */
    void pushDelivery(int from, int to, Message m, long sentAt, long time) {
        if (admitsPush()) {
            queue.addDelivery(from, to, m, sentAt, time, seq++);
        }
    }

    private boolean admitsPush() {
        // Outside the event loop (a scenario's setup may schedule millions of events) the budget is
        // asked here; inside it the loop asks, and stops with a status instead of an exception.
        // Once stopped, no event will ever fire: what a scenario schedules after the stop (a heal
        // before its liveness phase) is dropped, so it goes on to build its result.
        if (stoppedBy != null) {
            return false;
        }
        if (!running && budgetSpent()) {
            throw new BoundExceededException(this, stopReason);
        }
        if (queue.size() >= bounds.maxPending()) {
            stop(RunStatus.PENDING_BOUND, "more than " + bounds.maxPending() + " events pending at once, at "
                    + SimTime.format(now) + ": too long or too busy a run to hold in memory");
            throw new BoundExceededException(this, stopReason);
        }
        return true;
    }

    private void stop(RunStatus status, String reason) {
        if (stoppedBy == null) {
            stoppedBy = status;
            stopReason = reason;
        }
    }
}

package io.faultline.sim;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One call of a fault primitive ({@link Host#crash}, {@link Network#cut}, {@link Clock#jump},
 * {@link Disk#full}, ...), naming hosts by name, with a one-line text form that {@link #parse} reads
 * back exactly. Every primitive goes through {@link Simulation}'s gate as one of these: a run
 * without a given fault plan logs each call with its virtual time ({@link Simulation#faultLog()}),
 * which is how the faults a scenario draws or scripts in its own code are saved as a schedule, and
 * a replay applies them again ({@link #apply}).
 *
 * <pre>{@code
 * FaultCall c = FaultCall.parse("cut-channel b1 b2 data");
 * c.text();        // "cut-channel b1 b2 data"
 * c.apply(sim);    // sim.network().cutChannel(b1, b2, "data")
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface FaultCall {

    /** The canonical text: a verb, then its words, one space apart. */
    String text();

    /** Makes the call on {@code sim}; unknown host names are bad input ({@link IllegalArgumentException}). */
    void apply(Simulation sim);

    /** Reads {@link #text()}; a message naming what is wrong otherwise ({@link IllegalArgumentException}). */
    static FaultCall parse(String text) {
        return FaultCallText.parse(text);
    }

    /** {@code crash h}. */
    record Crash(String host) implements FaultCall {
        public String text() {
            return "crash " + host;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).crash();
        }
    }

    /** {@code restart h}. */
    record Restart(String host) implements FaultCall {
        public String text() {
            return "restart " + host;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).restart();
        }
    }

    /** {@code pause h}. */
    record Pause(String host) implements FaultCall {
        public String text() {
            return "pause " + host;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).pause();
        }
    }

    /** {@code resume h}. */
    record Resume(String host) implements FaultCall {
        public String text() {
            return "resume " + host;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).resume();
        }
    }

    /** {@code cut a b}: both directions. */
    record Cut(String a, String b) implements FaultCall {
        public String text() {
            return "cut " + a + " " + b;
        }

        public void apply(Simulation sim) {
            sim.network().cut(FaultCallText.id(sim, a), FaultCallText.id(sim, b));
        }
    }

    /** {@code cut-one-way from to}. */
    record CutOneWay(String from, String to) implements FaultCall {
        public String text() {
            return "cut-one-way " + from + " " + to;
        }

        public void apply(Simulation sim) {
            sim.network().cutOneWay(FaultCallText.id(sim, from), FaultCallText.id(sim, to));
        }
    }

    /** {@code cut-channel a b channel}. */
    record CutChannel(String a, String b, String channel) implements FaultCall {
        public String text() {
            return "cut-channel " + a + " " + b + " " + channel;
        }

        public void apply(Simulation sim) {
            sim.network().cutChannel(FaultCallText.id(sim, a), FaultCallText.id(sim, b), channel);
        }
    }

    /** {@code isolate h}. */
    record Isolate(String host) implements FaultCall {
        public String text() {
            return "isolate " + host;
        }

        public void apply(Simulation sim) {
            sim.network().isolate(FaultCallText.id(sim, host));
        }
    }

    /** {@code partition a,b c,d}: groups in order, hosts comma-separated, {@code -} for an empty group. */
    record Partition(List<List<String>> groups) implements FaultCall {
        public Partition {
            List<List<String>> copy = new ArrayList<>();
            groups.forEach(g -> copy.add(List.copyOf(g)));
            groups = List.copyOf(copy);
        }

        /** The call {@link Network#partition} makes: each group's hosts in its own order. */
        static Partition of(List<? extends java.util.Collection<HostId>> groups) {
            List<List<String>> names = new ArrayList<>();
            for (java.util.Collection<HostId> g : groups) {
                List<String> group = new ArrayList<>();
                g.forEach(h -> group.add(h.name()));
                names.add(group);
            }
            return new Partition(names);
        }

        public String text() {
            StringBuilder b = new StringBuilder("partition");
            for (List<String> g : groups) {
                b.append(' ').append(g.isEmpty() ? "-" : String.join(",", g));
            }
            return b.toString();
        }

        public void apply(Simulation sim) {
            List<List<HostId>> ids = new ArrayList<>();
            for (List<String> g : groups) {
                List<HostId> group = new ArrayList<>();
                g.forEach(h -> group.add(FaultCallText.id(sim, h)));
                ids.add(group);
            }
            sim.network().partition(ids);
        }
    }

    /** {@code heal a b}. */
    record Heal(String a, String b) implements FaultCall {
        public String text() {
            return "heal " + a + " " + b;
        }

        public void apply(Simulation sim) {
            sim.network().heal(FaultCallText.id(sim, a), FaultCallText.id(sim, b));
        }
    }

    /** {@code heal-all}: the network's cuts, not link specs. */
    record HealAll() implements FaultCall {
        public String text() {
            return "heal-all";
        }

        public void apply(Simulation sim) {
            sim.network().healAll();
        }
    }

    /** {@code link from to LATENCY loss duplicate reorder bandwidth}: a directed link's spec during the run. */
    record Link(String from, String to, LinkSpec spec) implements FaultCall {
        public String text() {
            return "link " + from + " " + to + " " + FaultCallText.spec(spec);
        }

        public void apply(Simulation sim) {
            sim.network().link(FaultCallText.id(sim, from), FaultCallText.id(sim, to), spec);
        }
    }

    /** {@code clock-skew h nanos}. */
    record ClockSkew(String host, long offsetNanos) implements FaultCall {
        public String text() {
            return "clock-skew " + host + " " + offsetNanos;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).clock().skew(offsetNanos);
        }
    }

    /** {@code clock-jump h nanos}. */
    record ClockJump(String host, long byNanos) implements FaultCall {
        public String text() {
            return "clock-jump " + host + " " + byNanos;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).clock().jump(byNanos);
        }
    }

    /** {@code clock-drift h ppm}. */
    record ClockDrift(String host, double ppm) implements FaultCall {
        public String text() {
            return "clock-drift " + host + " " + ppm;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).clock().driftPpm(ppm);
        }
    }

    /** {@code disk-full h true|false}. */
    record DiskFull(String host, boolean full) implements FaultCall {
        public String text() {
            return "disk-full " + host + " " + full;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).disk().full(full);
        }
    }

    /** {@code disk-corrupt h file}. */
    record DiskCorrupt(String host, String file) implements FaultCall {
        public String text() {
            return "disk-corrupt " + host + " " + file;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).disk().corrupt(file);
        }
    }

    /** {@code disk-wipe h}: the disk replaced by an empty one (the host is down). */
    record DiskWipe(String host) implements FaultCall {
        public String text() {
            return "disk-wipe " + host;
        }

        public void apply(Simulation sim) {
            FaultCallText.host(sim, host).disk().wipe();
        }
    }

    /** The verbs of {@link #text()}, in the order of this file. */
    List<String> VERBS = List.of("crash", "restart", "pause", "resume", "cut", "cut-one-way", "cut-channel",
            "isolate", "partition", "heal", "heal-all", "link", "clock-skew", "clock-jump", "clock-drift", "disk-full",
            "disk-corrupt", "disk-wipe");
}

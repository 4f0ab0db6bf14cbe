package io.faultline.sim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * The record of a run, kept small: a running hash over every event (the trace hash, identical
 * for identical runs in any JVM), counts per {@link TraceKind}, a bounded window of the most recent
 * message events plus those around the moments that matter (faults, crashes, the first violation:
 * {@link KeptMessages}), for a message-flow diagram, the fault events (for a faults timeline) and
 * the most recent log lines. It never keeps every event in memory; install a {@link #lineSink} to see
 * them all.
 *
 * <p>Each event line is (virtual time, kind, host index, peer index, detail); the hash covers a
 * canonical binary encoding of those fields, the sink receives them as text, e.g.
 * {@code 1500000 DELIVER n2 <- n1 Ping[id=3]}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Trace {
    /** One message's fate: sent at {@code sentNanos}, delivered or dropped at {@code endNanos}. */
    public record MessageEvent(long sentNanos, long endNanos, String from, String to, String summary,
            Fate fate) {
    }

    /** What became of a message. */
    public enum Fate { DELIVERED, LOST, CUT, HOST_DOWN }

    /** A fault (or heal) applied at {@code nanos}; {@code target} is a host name or a description. */
    public record FaultEvent(long nanos, String target, String description) {
    }

    /**
     * A moment the trace kept the messages around: a fault, crash or restart, the first violation, or
     * a line a process logged once a fault had happened.
     *
     * @param host the host it happened on, empty when none
     */
    public record Moment(long nanos, TraceKind kind, String host, String detail) {
    }

    /** A line a process logged. */
    public record LogLine(long nanos, String host, String line) {
    }

    static final int DEFAULT_MESSAGE_WINDOW = 2048;
    static final int MAX_FAULTS = 10_000;
    static final int LOG_WINDOW = 512;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final StreamHash stream = new StreamHash();
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private final long[] counts = new long[TraceKind.values().length];
    private final IntFunction<String> hostNames;
    private Consumer<String> lineSink;

    private KeptMessages kept = new KeptMessages(DEFAULT_MESSAGE_WINDOW);

    private final List<FaultEvent> faults = new ArrayList<>();
    private long faultCount;
    private final LogLine[] logs = new LogLine[LOG_WINDOW];
    private long logCount;

    Trace(IntFunction<String> hostNames) {
        this.hostNames = hostNames;
    }

    /** Receives every event line as text (for debugging a divergence); slows the run. */
    public void lineSink(Consumer<String> sink) {
        this.lineSink = sink;
    }

    /**
     * Keeps the last {@code capacity} message events (default 2048), besides those around the
     * moments that matter; call before the run.
     */
    public void messageWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        kept = new KeptMessages(capacity);
    }

    void record(long time, TraceKind kind, int host, int peer, String detail) {
        counts[kind.ordinal()]++;
        header(time, kind, host, peer);
        putString(detail);
        if (lineSink != null) {
            lineSink.accept(line(time, kind, host, peer, detail));
        }
        kept.moment(time, kind, host < 0 ? "" : hostNames.apply(host), detail);
    }

    void message(long time, TraceKind kind, int from, int to, long sentAt, Message m, Fate fate) {
        counts[kind.ordinal()]++;
        header(time, kind, to, from);
        // The header left room for 64 bytes: the send time and the fate need no check of their own.
        LONGS.set(buf, pos, sentAt);
        buf[pos + 8] = (byte) fate.ordinal();
        pos += 9;
        encoder.encode(m);
        if (lineSink != null) {
            lineSink.accept(line(time, kind, to, from, m + (fate == Fate.DELIVERED ? "" : " " + fate)));
        }
        kept.add(sentAt, time, from, to, m, (byte) fate.ordinal());
    }

    /** A timer firing; its record is encoded like a message's, without building its text. */
    void timer(long time, int host, Timer timer) {
        counts[TraceKind.TIMER.ordinal()]++;
        header(time, TraceKind.TIMER, host, -1);
        encoder.encode(timer);
        if (lineSink != null) {
            lineSink.accept(line(time, TraceKind.TIMER, host, -1, timer.toString()));
        }
    }

    void fault(long time, int host, String description) {
        record(time, TraceKind.FAULT, host, -1, description);
        faultCount++;
        if (faults.size() < MAX_FAULTS) {
            faults.add(new FaultEvent(time, host < 0 ? "" : hostNames.apply(host), description));
        }
    }

    void log(long time, int host, String line) {
        record(time, TraceKind.LOG, host, -1, line);
        logs[(int) (logCount++ % LOG_WINDOW)] = new LogLine(time, hostNames.apply(host), line);
    }

    /**
     * The trace hash: 64 hex digits, a function of every event so far and nothing else (computing it
     * does not stop the trace).
     */
    public String hash() {
        flush();
        return stream.hex(buf, pos);
    }

    /** Number of events of this kind so far. */
    public long count(TraceKind kind) {
        return counts[kind.ordinal()];
    }

    /** Counts of every kind, in declaration order. */
    public Map<TraceKind, Long> counts() {
        Map<TraceKind, Long> m = new EnumMap<>(TraceKind.class);
        for (TraceKind k : TraceKind.values()) {
            m.put(k, counts[k.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The message events kept (delivered or dropped), in the order they were recorded: those around
     * the {@link #moments()} that are older than the most recent ones, then the most recent. A
     * snapshot whose elements (and their message summaries, which cost a {@code toString()} each)
     * are built only when read, since most runs of a sweep never show them.
     */
    public MessageList messages() {
        KeptMessages.Slots s = new KeptMessages.Slots(kept.keptSize(), false);
        kept.snapshot(s);
        int n = s.size;
        String[] from = new String[n];
        String[] to = new String[n];
        for (int i = 0; i < n; i++) {
            from[i] = hostNames.apply(s.from[i]);
            to[i] = hostNames.apply(s.to[i]);
        }
        return new MessageList(s.sent, s.end, from, to, s.msg, s.fate);
    }

    /**
     * The moments the trace kept messages around, in order: faults, crashes, the first violation,
     * and lines processes logged once a fault had happened (at most 65).
     */
    public List<Moment> moments() {
        return kept.moments();
    }

    /**
     * An immutable snapshot of the message window; each {@link MessageEvent} is built on first read
     * (reading from several threads is safe: an element built twice is built alike).
     */
    public static final class MessageList extends AbstractList<MessageEvent> implements RandomAccess {
        private static final Fate[] FATES = Fate.values();
        private final long[] sent;
        private final long[] end;
        private final String[] from;
        private final String[] to;
        private final Message[] msg;
        private final byte[] fate;
        private final MessageEvent[] built;

        private MessageList(long[] sent, long[] end, String[] from, String[] to, Message[] msg, byte[] fate) {
            this.sent = sent;
            this.end = end;
            this.from = from;
            this.to = to;
            this.msg = msg;
            this.fate = fate;
            this.built = new MessageEvent[sent.length];
        }

        @Override
        public MessageEvent get(int i) {
            MessageEvent e = built[i];
            if (e == null) {
                e = new MessageEvent(sent[i], end[i], from[i], to[i], msg[i].toString(), FATES[fate[i]]);
                built[i] = e;
            }
            return e;
        }

        @Override
        public int size() {
            return sent.length;
        }
    }

    /** Total message events recorded (the window keeps the last few). */
    public long messageCount() {
        return kept.count();
    }

    /** The fault events, in order (the first 10,000; {@link #faultCount()} counts them all). */
    public List<FaultEvent> faults() {
        return List.copyOf(faults);
    }

    /** Total fault events recorded. */
    public long faultCount() {
        return faultCount;
    }

    /** The most recent log lines, oldest first. */
    public List<LogLine> logs() {
        int n = (int) Math.min(logCount, LOG_WINDOW);
        List<LogLine> out = new ArrayList<>(n);
        for (long i = logCount - n; i < logCount; i++) {
            out.add(logs[(int) (i % LOG_WINDOW)]);
        }
        return out;
    }

    private String line(long time, TraceKind kind, int host, int peer, String detail) {
        StringBuilder b = new StringBuilder(64).append(time).append(' ').append(kind);
        if (host >= 0) {
            b.append(' ').append(hostNames.apply(host));
        }
        if (peer >= 0) {
            b.append(" <- ").append(hostNames.apply(peer));
        }
        return b.append(' ').append(detail).toString();
    }

    private void header(long time, TraceKind kind, int host, int peer) {
        if (pos > buf.length - 64) {
            flush();
        }
        putLong(time);
        buf[pos++] = (byte) kind.ordinal();
        putInt(host);
        putInt(peer);
    }

    private final MessageEncoder encoder = new MessageEncoder(new MessageEncoder.Sink() {
        @Override
        public void putByte(int b) {
            Trace.this.putByte(b);
        }

        @Override
        public void putInt(int v) {
            if (pos > buf.length - 4) {
                flush();
            }
            Trace.this.putInt(v);
        }

        @Override
        public void putLong(long v) {
            Trace.this.putLong(v);
        }

        @Override
        public void putString(String s) {
            Trace.this.putString(s);
        }

        @Override
        public void putBytes(byte[] bytes) {
            int done = 0;
            while (done < bytes.length) {
                if (pos == buf.length) {
                    flush();
                }
                int n = Math.min(bytes.length - done, buf.length - pos);
                System.arraycopy(bytes, done, buf, pos, n);
                pos += n;
                done += n;
            }
        }
    });

    private void putByte(int b) {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = (byte) b;
    }

    private void putLong(long v) {
        if (pos > buf.length - 8) {
            flush();
        }
        LONGS.set(buf, pos, v);
        pos += 8;
    }

    /** Callers make room for the four bytes. */
    private void putInt(int v) {
        INTS.set(buf, pos, v);
        pos += 4;
    }

    private void putString(String s) {
        int n = s.length();
        if (pos > buf.length - 4 - 3 * Math.min(n, 256)) {
            flush();
        }
        putInt(n);
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 255 && pos > buf.length - 3 * 256) {
                flush();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else {
                buf[pos++] = (byte) 0xFF;
                buf[pos++] = (byte) (c >>> 8);
                buf[pos++] = (byte) c;
            }
        }
    }

    /** Hashes the buffer's whole blocks; the tail (under one block) moves to the front. */
    private void flush() {
        int used = stream.absorb(buf, pos);
        System.arraycopy(buf, used, buf, 0, pos - used);
        pos -= used;
    }
}

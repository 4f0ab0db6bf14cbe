package io.faultline.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The message events a {@link Trace} keeps for a message-flow diagram, in bounded memory: a ring of
 * the most recent ones, plus those around each {@link Trace.Moment} (a fault, a crash, the first
 * violation, and what processes logged once a fault had happened), so that a long run's diagram can
 * still show the moment things went wrong and not only its end.
 *
 * <p>Around a moment it keeps the {@link #AROUND} message events recorded just before it (copied
 * from the ring) and the {@code AROUND} recorded after. At most {@link #MAX_MOMENTS} moments are
 * kept (the first ones: a cause comes before its effects), and always the first violation, so the
 * store never holds more than {@code (MAX_MOMENTS + 1) * 2 * AROUND} extra events. What it keeps
 * depends only on the sequence of events, so it is as deterministic as the run; it does not touch
 * the trace hash.
 */
final class KeptMessages {
    /** Message events kept before and after each moment. */
    static final int AROUND = 40;
    /** Moments (besides the first violation) around which messages are kept. */
    static final int MAX_MOMENTS = 64;

    private final int ringCapacity;
    private final Slots ring;
    private final Slots pinned;
    private long count;
    /** The ring slot the next event fills: {@code count % ringCapacity}, kept without a division per event. */
    private int next;
    /** Global number of the last pinned event, -1 if none: pins are appended in event order. */
    private long lastPinned = -1;
    /** How many of the coming events are still to be pinned after the latest moment. */
    private int pinAfter;
    private final List<Trace.Moment> moments = new ArrayList<>();
    private boolean violationKept;
    private boolean faultSeen;

    KeptMessages(int ringCapacity) {
        this.ringCapacity = ringCapacity;
        this.ring = new Slots(ringCapacity, false);
        this.pinned = new Slots((MAX_MOMENTS + 1) * 2 * AROUND, true);
    }

    void add(long sent, long end, int from, int to, Message msg, byte fate) {
        int slot = next;
        ring.put(slot, sent, end, from, to, msg, fate);
        next = slot + 1 == ringCapacity ? 0 : slot + 1;
        long n = count++;
        if (pinAfter > 0) {
            pinAfter--;
            pin(n, slot);
        }
    }

    /**
     * A moment of this kind happened: keeps the messages around it if it is one that matters. Faults
     * and crashes do; lines processes log only once a fault happened (before that they are a cluster
     * starting up); the first violation always. Scheduled actions do not: a fault they inject is
     * recorded as a fault, and the others are a scenario's routine (a sampler every second).
     */
    void moment(long nanos, TraceKind kind, String host, String detail) {
        boolean violation = kind == TraceKind.VIOLATION;
        boolean fault = switch (kind) {
            case FAULT, CRASH, RESTART, PAUSE, RESUME -> true;
            default -> false;
        };
        faultSeen |= fault;
        boolean matters = violation ? !violationKept
                : (fault || (kind == TraceKind.LOG && faultSeen))
                        && moments.size() - (violationKept ? 1 : 0) < MAX_MOMENTS;
        if (!matters) {
            return;
        }
        violationKept |= violation;
        moments.add(new Trace.Moment(nanos, kind, host, detail));
        for (long n = Math.max(Math.max(0, count - Math.min(AROUND, ringCapacity)), lastPinned + 1); n < count; n++) {
            pin(n, (int) (n % ringCapacity));
        }
        pinAfter = AROUND;
    }

    private void pin(long n, int slot) {
        if (pinned.size == pinned.sent.length) {
            return; // cannot happen within the bounds above; never grow
        }
        pinned.copyFrom(ring, slot, pinned.size);
        pinned.number[pinned.size] = n;
        pinned.size++;
        lastPinned = n;
    }

    long count() {
        return count;
    }

    List<Trace.Moment> moments() {
        return List.copyOf(moments);
    }

    /** How many events {@link #snapshot} returns: the pinned ones older than the ring, then the ring. */
    int keptSize() {
        long ringFirst = count - Math.min(count, ringCapacity);
        int older = 0;
        while (older < pinned.size && pinned.number[older] < ringFirst) {
            older++;
        }
        return older + (int) (count - ringFirst);
    }

    /** Copies the kept events, oldest first, into {@code out} (whose arrays have {@link #keptSize()} slots). */
    void snapshot(Slots out) {
        long ringFirst = count - Math.min(count, ringCapacity);
        int i = 0;
        for (int p = 0; p < pinned.size && pinned.number[p] < ringFirst; p++) {
            out.copyFrom(pinned, p, i++);
        }
        for (long n = ringFirst; n < count; n++) {
            out.copyFrom(ring, (int) (n % ringCapacity), i++);
        }
        out.size = i;
    }

    /**
     * Parallel arrays of message events (no object per event while the run goes). Only the pinned ones
     * carry their global number; the ring's follows from its position.
     */
    static final class Slots {
        /** The event's global number, for pinned events only (empty otherwise). */
        final long[] number;
        final long[] sent;
        final long[] end;
        final int[] from;
        final int[] to;
        final Message[] msg;
        final byte[] fate;
        int size;

        Slots(int capacity, boolean numbered) {
            number = new long[numbered ? capacity : 0];
            sent = new long[capacity];
            end = new long[capacity];
            from = new int[capacity];
            to = new int[capacity];
            msg = new Message[capacity];
            fate = new byte[capacity];
        }

        void put(int i, long s, long e, int f, int t, Message m, byte fa) {
            sent[i] = s;
            end[i] = e;
            from[i] = f;
            to[i] = t;
            msg[i] = m;
            fate[i] = fa;
        }

        void copyFrom(Slots o, int j, int i) {
            put(i, o.sent[j], o.end[j], o.from[j], o.to[j], o.msg[j], o.fate[j]);
        }
    }
}

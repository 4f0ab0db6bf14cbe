package io.faultline.sim.client;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apiguardian.api.API;

/**
 * Matches replies to the requests a process sent: each request gets a fresh id that travels in the
 * message, and the reply (or the request's timeout) hands back what the sender left waiting for it
 * (a callback, a batch, a partition). Ids are issued in order and open requests are kept sorted by
 * id, so iterating them (e.g. to resend) is deterministic.
 *
 * <p>It sets no timer of its own: a timeout is the caller's timer carrying the id, and on firing
 * {@link #close} says whether the request was still open (the reply did not win the race).
 *
 * <pre>{@code
 * PendingRequests<Consumer<Answer>> waiting = new PendingRequests<>();
 * long id = waiting.send(ctx, server, rid -> new Request(rid, ...), answer -> ctx.log("got " + answer));
 * ctx.setTimer(timeout, new Expired(id));
 * // in onMessage:  waiting.close(reply.id()).ifPresent(k -> k.accept(reply.answer()));
 * // in onTimer:    waiting.close(expired.id()).ifPresent(k -> giveUp());
 * }</pre>
 *
 * @param <T> what waits for a reply
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PendingRequests<T> {
    private final TreeMap<Long, T> open = new TreeMap<>();
    private long nextId;

    /** Ids from 0. */
    public PendingRequests() {
        this(0);
    }

    /** Ids from {@code firstId} (e.g. 1, where 0 means "no request" in the protocol). */
    public PendingRequests(long firstId) {
        this.nextId = firstId;
    }

    /** Registers {@code waiter} under a fresh id and returns the id, to be carried by the request. */
    public long open(T waiter) {
        long id = nextId++;
        open.put(id, waiter);
        return id;
    }

    /**
     * Opens a request for {@code waiter} and sends it: {@code request} builds the message from the
     * fresh id. Returns the id.
     */
    public long send(Context ctx, HostId to, LongFunction<? extends Message> request, T waiter) {
        long id = open(waiter);
        ctx.send(to, request.apply(id));
        return id;
    }

    /**
     * A fresh id for a request whose reply is not matched to its sender's state (e.g. a metadata
     * refresh whose answer is applied whatever asked for it); it keeps ids unique across both kinds.
     */
    public long unmatchedId() {
        return nextId++;
    }

    /** The waiter of request {@code id}, no longer open; empty if it was closed, forgotten or never opened. */
    public Optional<T> close(long id) {
        return Optional.ofNullable(open.remove(id));
    }

    /** The waiter of request {@code id} if it is still open, leaving it open. */
    public Optional<T> peek(long id) {
        return Optional.ofNullable(open.get(id));
    }

    /** Stops waiting for request {@code id}: its reply, if one comes, finds nothing. */
    public void forget(long id) {
        open.remove(id);
    }

    /** Stops waiting for every open request. */
    public void forgetAll() {
        open.clear();
    }

    public boolean isOpen(long id) {
        return open.containsKey(id);
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }

    public int size() {
        return open.size();
    }

    /** The open requests by id, oldest first (a read-only view). */
    public SortedMap<Long, T> open() {
        return Collections.unmodifiableSortedMap(open);
    }
}

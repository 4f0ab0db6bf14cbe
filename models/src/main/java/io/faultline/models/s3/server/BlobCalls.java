package io.faultline.models.s3.server;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.store.BlobRef;
import io.faultline.models.s3.store.StoredObject;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * How a front-end writes and reads object bytes on the storage hosts ({@link StorageNode}).
 *
 * <p>Writes: a blob goes to {@code copies} storage hosts chosen by rendezvous hashing of its id
 * (3 by default: FIDELITY A15 has S3 store data "across at least 3 AZs"), and counts as written once
 * a majority of them (2 of 3) acknowledged it durable (fsynced); the third copy is sent too, but
 * not waited for. Only then does the front-end commit the metadata to the index, so the index never
 * names a blob that fewer than a majority of its hosts hold. [M5] The sources give no acknowledgement
 * rule; a majority keeps writes available while one storage host is down.
 *
 * <p>Reads: a blob is asked of one host at a time, those that acknowledged it first; a host that
 * does not answer within {@link #ATTEMPT} to twice that (crashed, partitioned) or answers that it lacks the blob
 * is skipped for the next, round after round until the request's deadline answers 503. Bytes that
 * do not match the blob's content address are never served.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BlobCalls {
    /** How long one storage host has to answer a fetch before the next one is asked. */
    static final long ATTEMPT = 50 * Simulation.MILLIS;

    /** Time to move on from the fetch attempts that have waited {@link #ATTEMPT}. */
    record Again() implements Timer {
    }

    /** A fetch waiting since {@code since} for call {@code call} (-1: for a new round). */
    private record Attempt(long requestId, BlobRef ref, int attempt, long call, long since, Consumer<Body> k) {
    }

    private final FrontEndContext front;
    private final Context ctx;
    private final TreeMap<String, HostId> byName = new TreeMap<>();
    private final TreeMap<Long, Attempt> attempts = new TreeMap<>();
    private long nextToken = 1;
    private boolean armed;

    BlobCalls(FrontEndContext front, Context ctx) {
        this.front = front;
        this.ctx = ctx;
        front.storageHosts().forEach(h -> byName.put(h.name(), h));
    }

    /** Stores {@code body} durably on a majority of its hosts, then continues with where it is. */
    void store(long requestId, Body body, Consumer<BlobRef> k) {
        String id = BlobRef.idOf(body);
        List<HostId> targets = placement(id);
        int quorum = targets.size() / 2 + 1;
        front.calls().start(ctx, requestId, targets, quorum, c -> new S3Wire.StoreBlob(c, id, body), acks -> {
            List<String> hosts = new ArrayList<>();
            for (HostId h : targets) {
                if (acks.containsKey(h)) {
                    hosts.add(h.name());
                }
            }
            for (HostId h : targets) {
                if (!acks.containsKey(h)) {
                    hosts.add(h.name());
                }
            }
            k.accept(new BlobRef(id, body.size(), hosts));
        });
    }

    /** The {@code copies} storage hosts with the highest rendezvous score for {@code id}. */
    private List<HostId> placement(String id) {
        List<HostId> all = new ArrayList<>(front.storageHosts());
        long h = id.hashCode();
        all.sort(Comparator.comparingLong((HostId s) -> mix(h * 31 + s.name().hashCode())).reversed()
                .thenComparing(HostId::name));
        return all.subList(0, Math.min(front.config().blobCopies(), all.size()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * The bytes {@code range} of {@code object} (whose bytes are on storage hosts): only the chunks
     * that the range touches are fetched, one after the other.
     */
    void fetch(long requestId, StoredObject object, ByteRange.Resolved range, Consumer<Body> k) {
        long first = 0;
        long last = object.size() - 1;
        if (range instanceof ByteRange.Partial p) {
            first = p.first();
            last = p.last();
        }
        List<long[]> pieces = new ArrayList<>();
        List<BlobRef> needed = new ArrayList<>();
        long offset = 0;
        for (BlobRef c : object.chunks()) {
            long from = Math.max(first, offset);
            long to = Math.min(last, offset + c.size() - 1);
            if (from <= to || object.size() == 0) {
                needed.add(c);
                pieces.add(new long[] {from - offset, to - offset});
            }
            offset += c.size();
            if (object.size() == 0) {
                break;
            }
        }
        long f = first;
        long l = last;
        fetchAll(requestId, needed, 0, new ArrayList<>(), bodies -> k.accept(assemble(object, range, f, l, bodies, pieces)));
    }

    private void fetchAll(long requestId, List<BlobRef> refs, int i, List<Body> got, Consumer<List<Body>> k) {
        if (i == refs.size()) {
            k.accept(got);
            return;
        }
        fetchOne(requestId, refs.get(i), 0, b -> {
            got.add(b);
            fetchAll(requestId, refs, i + 1, got, k);
        });
    }

    private static Body assemble(StoredObject o, ByteRange.Resolved range, long first, long last,
                                 List<Body> bodies, List<long[]> pieces) {
        if (o.size() == 0) {
            return Body.empty();
        }
        boolean whole = !(range instanceof ByteRange.Partial);
        if (bodies.size() == 1) {
            Body b = bodies.get(0);
            long[] p = pieces.get(0);
            return p[0] == 0 && p[1] == b.size() - 1 ? b : b.slice(p[0], p[1]);
        }
        if (!bodies.stream().allMatch(b -> b instanceof Body.Bytes)) {
            // As the index's stand-in for a multipart object made of synthetic parts.
            Body all = Body.synthetic(o.size(), "multipart:" + o.etag());
            return whole ? all : all.slice(first, last);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] bytes = ((Body.Bytes) bodies.get(i)).bytes();
            long[] p = pieces.get(i);
            out.write(bytes, (int) p[0], (int) (p[1] - p[0] + 1));
        }
        return Body.of(out.toByteArray());
    }

    private void fetchOne(long requestId, BlobRef ref, int attempt, Consumer<Body> k) {
        if (!front.isOpen(requestId)) {
            return;
        }
        HostId h = byName.get(ref.hosts().get(attempt % ref.hosts().size()));
        long token = nextToken++;
        long call = front.calls().start(ctx, requestId, List.of(h), 1, c -> new S3Wire.FetchBlob(c, ref.id()), replies -> {
            attempts.remove(token);
            if (replies.get(h) instanceof S3Wire.BlobData d && ref.holds(d.body())) {
                k.accept(d.body());
            } else if ((attempt + 1) % ref.hosts().size() != 0) {
                fetchOne(requestId, ref, attempt + 1, k);
            } else {
                // Every host lacked it this round: try again a little later rather than spin.
                wait(nextToken++, new Attempt(requestId, ref, attempt, -1, ctx.now(), k));
            }
        });
        wait(token, new Attempt(requestId, ref, attempt, call, ctx.now(), k));
    }

    /** One timer for every waiting attempt (not one each): it fires every {@link #ATTEMPT} while some wait. */
    private void wait(long token, Attempt a) {
        attempts.put(token, a);
        if (!armed) {
            armed = true;
            ctx.setTimer(ATTEMPT, new Again());
        }
    }

    void onTimer(Again t) {
        armed = false;
        List<Attempt> due = new ArrayList<>();
        attempts.entrySet().removeIf(e -> {
            boolean late = ctx.now() - e.getValue().since() >= ATTEMPT || !front.isOpen(e.getValue().requestId());
            if (late) {
                due.add(e.getValue());
            }
            return late;
        });
        for (Attempt a : due) {
            if (a.call() >= 0) {
                front.calls().cancel(a.call());
            }
            fetchOne(a.requestId(), a.ref(), a.attempt() + 1, a.k());
        }
        if (!attempts.isEmpty() && !armed) {
            armed = true;
            ctx.setTimer(ATTEMPT, new Again());
        }
    }
}

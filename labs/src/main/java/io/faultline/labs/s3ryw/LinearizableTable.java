package io.faultline.labs.s3ryw;

import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.client.PendingRequests;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The lab's strongly consistent store, a table of string rows on its own host: every answered
 * request took effect at one instant between its call and its answer (linearizable). Like any
 * remote service it may not answer at all while a fault cuts it off; a request that got no answer
 * may or may not have taken effect.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LinearizableTable {
    private final Backends backends;
    private final HostId host;
    private final PendingRequests<Consumer<TableWire.Response>> waiting;

    LinearizableTable(Backends backends, HostId host, PendingRequests<Consumer<TableWire.Response>> waiting) {
        this.backends = backends;
        this.host = host;
        this.waiting = waiting;
    }

    /** The row's value, or {@code NotFound}. */
    public void get(String key, Consumer<Reply<String>> answer) {
        send(new TableWire.Get(key), r -> answer.accept(r.value().<Reply<String>>map(Reply.Ok::new)
                .orElseGet(Reply.NotFound::new)));
    }

    /** Writes the row unconditionally; {@code Ok} carries the value written. */
    public void put(String key, String value, Consumer<Reply<String>> answer) {
        send(new TableWire.Put(key, Optional.empty(), value), r -> answer.accept(new Reply.Ok<>(value)));
    }

    /**
     * Writes the row only if it now holds {@code expected} (empty: only if there is no row);
     * otherwise {@code Failed("ConditionFailed", false)} and nothing changes.
     */
    public void putIf(String key, Optional<String> expected, String value, Consumer<Reply<String>> answer) {
        send(new TableWire.Put(key, Optional.of(expected), value), r -> answer.accept(r.conditionFailed()
                ? new Reply.Failed<>("ConditionFailed", false) : new Reply.Ok<>(value)));
    }

    /** Every row whose key starts with {@code prefix}, sorted by key. */
    public void scan(String prefix, Consumer<Reply<SortedMap<String, String>>> answer) {
        send(new TableWire.Scan(prefix), r -> answer.accept(new Reply.Ok<>(r.rows())));
    }

    private void send(TableWire.Op op, Consumer<TableWire.Response> k) {
        waiting.send(backends.context(), host, id -> new TableWire.Request(id, op), k);
    }

    boolean onMessage(Message m) {
        if (m instanceof TableWire.Response r) {
            waiting.close(r.id()).ifPresent(k -> k.accept(r));
            return true;
        }
        return false;
    }
}

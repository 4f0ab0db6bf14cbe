package io.faultline.labs.s3ryw;

import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lab's strongly consistent store: one table on one host that applies each request at once,
 * in arrival order, so its history is linearizable by construction (the role DynamoDB plays for
 * S3Guard). Faults may cut it off or pause it, never lose its rows: it stands for a managed
 * service whose durability is not the lab's subject.
 */
final class TableServer implements Process {
    private final TreeMap<String, String> rows = new TreeMap<>();

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (!(m instanceof TableWire.Request r)) {
            return;
        }
        TableWire.Op op = r.op();
        TableWire.Response answer;
        if (op instanceof TableWire.Get g) {
            answer = new TableWire.Response(r.id(), false, Optional.ofNullable(rows.get(g.key())), new TreeMap<>());
        } else if (op instanceof TableWire.Put p) {
            Optional<String> now = Optional.ofNullable(rows.get(p.key()));
            boolean allowed = p.expected().map(now::equals).orElse(true);
            if (allowed) {
                rows.put(p.key(), p.value());
            }
            answer = new TableWire.Response(r.id(), !allowed, Optional.ofNullable(rows.get(p.key())), new TreeMap<>());
        } else {
            String prefix = ((TableWire.Scan) op).prefix();
            answer = new TableWire.Response(r.id(), false, Optional.empty(),
                    new TreeMap<>(rows.subMap(prefix, prefix + Character.MAX_VALUE)));
        }
        ctx.send(from, answer);
    }
}

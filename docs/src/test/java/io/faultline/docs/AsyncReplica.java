package io.faultline.docs;

import io.faultline.docs.RegisterMessage.Read;
import io.faultline.docs.RegisterMessage.ReadOk;
import io.faultline.docs.RegisterMessage.Replicate;
import io.faultline.docs.RegisterMessage.Write;
import io.faultline.docs.RegisterMessage.WriteOk;
import io.faultline.faults.HasRoles;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import java.util.List;

// tag::buggy[]
/**
 * A replica of a deliberately broken register: the primary acknowledges a write before it has
 * replicated it, and any replica answers reads from its own copy. A backup cut off from the primary
 * (or restarted, having lost its memory) serves stale values after a write was acknowledged.
 */
final class AsyncReplica implements Process, HasRoles {
    private final boolean primary;
    private final List<HostId> backups;
    private long version;
    private long value;

    AsyncReplica(boolean primary, List<HostId> backups) {
        this.primary = primary;
        this.backups = backups;
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Write w && primary) {
            version++;
            value = w.value();
            ctx.send(from, new WriteOk(w.op()));               // the bug: acknowledged...
            for (HostId b : backups) {
                ctx.send(b, new Replicate(version, value));    // ...before it is replicated
            }
        } else if (m instanceof Replicate r && r.version() > version) {
            version = r.version();
            value = r.value();
        } else if (m instanceof Read r) {
            ctx.send(from, new ReadOk(r.op(), value));         // any replica answers reads
        }
    }

    /** Roles for fault targets such as {@code role:primary}. */
    @Override
    public List<String> roles() {
        return primary ? List.of("primary", "servers") : List.of("servers");
    }
}
// end::buggy[]

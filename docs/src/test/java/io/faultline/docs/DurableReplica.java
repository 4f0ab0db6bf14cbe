package io.faultline.docs;

import io.faultline.docs.RegisterMessage.Read;
import io.faultline.docs.RegisterMessage.ReadOk;
import io.faultline.docs.RegisterMessage.Replicate;
import io.faultline.docs.RegisterMessage.Write;
import io.faultline.docs.RegisterMessage.WriteOk;
import io.faultline.faults.HasRoles;
import io.faultline.sim.Context;
import io.faultline.sim.DiskRead;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A replica of the correct register: clients read and write at the primary only; the primary
 * acknowledges a write once it is durable on its disk, and only then serves it to readers, so a
 * crash and restart (which recovers from the disk) never takes back an acknowledged value. Backups
 * receive copies but never answer clients.
 */
final class DurableReplica implements Process, HasRoles {
    /** The fsync of a write has completed. */
    private record Durable(HostId client, long op, long value) implements Timer {
    }

    private static final String FILE = "register";

    private final boolean primary;
    private final List<HostId> backups;
    private long version;
    private long value;

    DurableReplica(boolean primary, List<HostId> backups) {
        this.primary = primary;
        this.backups = backups;
    }

    @Override
    public void onStart(Context ctx) {
        if (ctx.disk().read(FILE) instanceof DiskRead.Ok ok) {
            value = Long.parseLong(new String(ok.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof Write w && primary) {
            ctx.disk().write(FILE, Long.toString(w.value()).getBytes(StandardCharsets.UTF_8));
            ctx.disk().fsync(new Durable(from, w.op(), w.value()));
        } else if (m instanceof Replicate r && r.version() > version) {
            version = r.version();
            value = r.value();
        } else if (m instanceof Read r && primary) {
            ctx.send(from, new ReadOk(r.op(), value));
        }
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Durable d) {
            value = d.value();
            version++;
            ctx.send(d.client(), new WriteOk(d.op()));
            for (HostId b : backups) {
                ctx.send(b, new Replicate(version, value));
            }
        }
    }

    @Override
    public List<String> roles() {
        return primary ? List.of("primary", "servers") : List.of("servers");
    }
}

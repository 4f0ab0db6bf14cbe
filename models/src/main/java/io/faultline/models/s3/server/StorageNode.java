package io.faultline.models.s3.server;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.wire.S3Wire;
import io.faultline.sim.Context;
import io.faultline.sim.DiskRead;
import io.faultline.sim.DiskWrite;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Timer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A storage host: it keeps object bytes as immutable blobs, one file per blob on its {@code Disk},
 * and acknowledges a blob only once an fsync covers it, so an acknowledged blob survives a crash.
 * Writes that arrive while an fsync is in flight share the next one (group commit).
 *
 * <p>It knows nothing of keys, versions or consistency: blobs are content-addressed
 * ({@link io.faultline.models.s3.store.BlobRef}), so storing one twice is harmless and a reader
 * checks that the bytes it got are the blob it asked for. Which blob a key names is the metadata
 * index's business. A blob whose metadata was never committed (its PUT failed after the bytes were
 * written) stays on disk as an orphan; the model does not collect garbage.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class StorageNode implements Process {
    private record Synced() implements Timer {
    }

    private record Waiting(HostId from, long call) {
    }

    private static final String DIR = "blob/";

    private List<Waiting> queued = new ArrayList<>();
    private List<Waiting> syncing = new ArrayList<>();
    private boolean inFlight;

    @Override
    public void onStart(Context ctx) {
        // Blobs are on the disk; nothing volatile to rebuild.
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        if (m instanceof S3Wire.StoreBlob s) {
            store(ctx, from, s);
        } else if (m instanceof S3Wire.FetchBlob f) {
            DiskRead r = ctx.disk().read(DIR + f.id());
            if (r instanceof DiskRead.Ok ok) {
                ctx.send(from, new S3Wire.BlobData(f.call(), decode(ok.bytes())));
            } else {
                ctx.send(from, new S3Wire.BlobMissing(f.call()));
            }
        }
    }

    private void store(Context ctx, HostId from, S3Wire.StoreBlob s) {
        // Blobs are immutable, so writing one again writes the same bytes: no need to look first.
        if (ctx.disk().write(DIR + s.id(), encode(s.body())) == DiskWrite.FULL) {
            return; // no answer: the front-end's quorum comes from other hosts or it answers 503
        }
        // Even a blob already present may still be unsynced: acknowledge after the next fsync.
        queued.add(new Waiting(from, s.call()));
        if (!inFlight) {
            startSync(ctx);
        }
    }

    private void startSync(Context ctx) {
        inFlight = true;
        syncing = queued;
        queued = new ArrayList<>();
        ctx.disk().fsync(new Synced());
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Synced) {
            inFlight = false;
            for (Waiting w : syncing) {
                ctx.send(w.from(), new S3Wire.BlobStored(w.call()));
            }
            syncing = new ArrayList<>();
            if (!queued.isEmpty()) {
                startSync(ctx);
            }
        }
    }

    // A blob file: tag 0 then the bytes, or tag 1, the size and the label of a synthetic body.
    static byte[] encode(Body b) {
        if (b instanceof Body.Bytes bytes) {
            byte[] data = bytes.bytes();
            byte[] out = new byte[data.length + 1];
            System.arraycopy(data, 0, out, 1, data.length);
            return out;
        }
        Body.Synthetic s = (Body.Synthetic) b;
        byte[] label = s.label().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + label.length).put((byte) 1).putLong(s.size()).put(label).array();
    }

    static Body decode(byte[] file) {
        if (file[0] == 0) {
            return Body.of(Arrays.copyOfRange(file, 1, file.length));
        }
        ByteBuffer in = ByteBuffer.wrap(file, 1, file.length - 1);
        long size = in.getLong();
        return Body.synthetic(size, new String(file, 9, file.length - 9, StandardCharsets.UTF_8));
    }
}

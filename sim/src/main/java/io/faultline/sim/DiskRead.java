package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * The result of reading a file from a {@link Disk}: its bytes, or why there are none.
 *
 * <pre>{@code
 * DiskRead r = ctx.disk().read("log");
 * if (r instanceof DiskRead.Ok ok) {
 *     replay(ok.bytes());
 * } else if (r instanceof DiskRead.Corrupt c) {
 *     ctx.log("log corrupt: " + c.file());   // checksum mismatch: truncate, refetch, ...
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface DiskRead {
    /** The file's bytes (a copy; changing it does not change the disk). */
    record Ok(byte[] bytes) implements DiskRead {
    }

    /** The file exists but its checksum does not match its contents. */
    record Corrupt(String file) implements DiskRead {
    }

    /** No such file (never written, deleted, or only written and lost in a crash before fsync). */
    record Missing(String file) implements DiskRead {
    }
}

package io.faultline.models.glacier.api;

import io.faultline.models.glacier.rules.TreeHash;
import org.apiguardian.api.API;

/**
 * The content of an archive or a part as it travels and is stored: its size and its SHA-256 tree
 * hash. Real bytes can be turned into one ({@link #of}); large synthetic archives (gigabytes that a
 * simulation should not allocate) carry a stand-in digest derived from a label ({@link #synthetic}),
 * which the service treats exactly like a real tree hash. Immutable, with a deterministic
 * {@code toString} (traces print messages).
 *
 * <pre>{@code
 * ArchiveBody small = ArchiveBody.of("hello".getBytes(UTF_8));
 * ArchiveBody big = ArchiveBody.synthetic(3L << 30, "backup-2026-01-01");   // 3 GiB, no allocation
 * String checksum = big.treeHash();   // what an honest client sends along
 * }</pre>
 *
 * @param size     bytes
 * @param treeHash lower-case hex SHA-256 tree hash of the content (FIDELITY B1)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ArchiveBody(long size, String treeHash) {
    public ArchiveBody {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (treeHash.length() != 64) {
            throw new IllegalArgumentException("tree hash must be 64 hex digits: " + treeHash);
        }
    }

    /** The body of real bytes, with their true tree hash. */
    public static ArchiveBody of(byte[] data) {
        return new ArchiveBody(data.length, TreeHash.hex(TreeHash.of(data)));
    }

    /** A body of {@code size} bytes whose digest stands in for the tree hash of content named {@code label}. */
    public static ArchiveBody synthetic(long size, String label) {
        return new ArchiveBody(size, TreeHash.hex(TreeHash.sha256(label + "#" + size)));
    }
}

package io.faultline.models.glacier.rules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Glacier's SHA-256 tree hash (FIDELITY B1 "Integrity"): the leaves are the SHA-256 digests of
 * consecutive 1 MiB chunks (the last one may be shorter); each level hashes the concatenation of
 * adjacent pairs, and an unpaired last node moves up unchanged, until one digest remains.
 *
 * <p>Because the parts of a multipart upload are 1 MiB x 2^k long and aligned, each part's tree
 * hash is the root of a complete subtree, so the archive's tree hash is {@link #combine} of the
 * parts' hashes in order: that is how CompleteMultipartUpload checks the whole archive.
 *
 * <pre>{@code
 * String h = TreeHash.hex(TreeHash.of(bytes));          // what UploadArchive's checksum carries
 * byte[] whole = TreeHash.combine(List.of(p0, p1, p2));   // from the parts' tree hashes
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TreeHash {
    /** The leaf chunk size: 1 MiB. */
    public static final int CHUNK = 1 << 20;

    private TreeHash() {
    }

    /** The tree hash of {@code data}; for empty data the SHA-256 of nothing (Glacier rejects empty archives). */
    public static byte[] of(byte[] data) {
        List<byte[]> leaves = new ArrayList<>();
        for (int off = 0; off < data.length; off += CHUNK) {
            MessageDigest d = sha256();
            d.update(data, off, Math.min(CHUNK, data.length - off));
            leaves.add(d.digest());
        }
        if (leaves.isEmpty()) {
            return sha256().digest();
        }
        return combine(leaves);
    }

    /** Reduces nodes of one level pairwise up to the root; an odd last node is carried up as is. */
    public static byte[] combine(List<byte[]> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes to combine");
        }
        List<byte[]> level = new ArrayList<>(nodes);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 < level.size()) {
                    MessageDigest d = sha256();
                    d.update(level.get(i));
                    d.update(level.get(i + 1));
                    up.add(d.digest());
                } else {
                    up.add(level.get(i));
                }
            }
            level = up;
        }
        return level.get(0).clone();
    }

    /** Lower-case hex, as the {@code x-amz-sha256-tree-hash} header carries it. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The digest of a hex string. */
    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** {@link #combine} over hex digests. */
    public static String combineHex(List<String> hexNodes) {
        List<byte[]> nodes = new ArrayList<>();
        for (String h : hexNodes) {
            nodes.add(fromHex(h));
        }
        return hex(combine(nodes));
    }

    public static byte[] sha256(String text) {
        return sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package io.faultline.serve.s3.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The access keys the server accepts. A credentials file has one key a line,
 * {@code ACCOUNT ACCESS_KEY_ID SECRET_KEY}; blank lines and {@code #} comments are skipped.
 *
 * <pre>{@code
 * Credentials c = Credentials.of(new AccessKey("AKIAALICE", "alice-secret", "alice"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Credentials {
    private final TreeMap<String, AccessKey> byId = new TreeMap<>();

    private Credentials(List<AccessKey> keys) {
        for (AccessKey k : keys) {
            if (byId.put(k.id(), k) != null) {
                throw new IllegalArgumentException("access key " + k.id() + " is listed twice");
            }
        }
    }

    public static Credentials of(AccessKey... keys) {
        return new Credentials(List.of(keys));
    }

    public static Credentials of(List<AccessKey> keys) {
        return new Credentials(keys);
    }

    /** Reads a credentials file; a malformed line is an {@link IllegalArgumentException} naming it. */
    public static Credentials read(Path file) throws IOException {
        List<AccessKey> keys = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected ACCOUNT ACCESS_KEY_ID SECRET_KEY, got " + parts.length + " words");
            }
            keys.add(new AccessKey(parts[1], parts[2], parts[0]));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + ": no access key in it");
        }
        return new Credentials(keys);
    }

    public Optional<AccessKey> find(String accessKeyId) {
        return Optional.ofNullable(byId.get(accessKeyId));
    }

    public List<AccessKey> keys() {
        return List.copyOf(byId.values());
    }
}

package io.faultline.serve.s3.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Large bodies, on disk: a temporary directory created with the server and deleted with it, so the
 * heap holds no object's bytes and nothing is left behind. A body is written once, as it streams in,
 * with its MD5 and SHA-256 computed on the way; it is then read back as a stream, from any offset.
 * Jetty's threads write concurrently, hence the concurrent map.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BlobStore implements AutoCloseable {
    /** Bodies up to this size stay in the request (an XML document, a small object); larger ones come here. */
    public static final int INLINE_LIMIT = 1024 * 1024;

    private final Path dir;
    private final AtomicLong names = new AtomicLong();
    private final Map<String, Stored> blobs = new ConcurrentHashMap<>();

    private record Stored(Path file, Blob blob) {
    }

    private BlobStore(Path dir) {
        this.dir = dir;
    }

    public static BlobStore createTemporary() {
        try {
            return new BlobStore(Files.createTempDirectory("faultline-s3-blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for large bodies", e);
        }
    }

    /**
     * A body on its way through one request (as sent, or decoded, or in plaintext): a label of its
     * own, {@code "spool:N"}, so the request can {@link #discard} it when done.
     */
    public Blob spool(BodyWriter writer) throws IOException {
        return write(writer, true);
    }

    /**
     * A body the model keeps (the sealed bytes of an object or part): labelled by its content,
     * {@code "blob:" + hex SHA-256}, the label the session records and a replay reuses.
     */
    public Blob keep(BodyWriter writer) throws IOException {
        return write(writer, false);
    }

    private Blob write(BodyWriter writer, boolean spool) throws IOException {
        long n = names.incrementAndGet();
        Path file = dir.resolve("body-" + n);
        MessageDigest md5 = digest("MD5");
        MessageDigest sha = digest("SHA-256");
        long size;
        try (CountingOutputStream out = new CountingOutputStream(new DigestOutputStream(new DigestOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), md5), sha))) {
            writer.writeTo(out);
            size = out.count();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        String shaHex = HexFormat.of().formatHex(sha.digest());
        String label = spool ? "spool:" + n : "blob:" + shaHex;
        Blob blob = new Blob(new BlobId(label, size), md5.digest(), shaHex);
        Stored previous = blobs.putIfAbsent(blob.id().label(), new Stored(file, blob));
        if (previous != null) {
            Files.delete(file); // the same bytes again: one copy is enough
        }
        return blob;
    }

    /** The blob with this label, if this store holds it. */
    public Optional<Blob> find(String label) {
        return Optional.ofNullable(blobs.get(label)).map(Stored::blob);
    }

    /** The blob's bytes from {@code offset} on; the caller closes the stream. */
    public InputStream open(String label, long offset) throws IOException {
        Stored s = blobs.get(label);
        if (s == null) {
            throw new IOException("no blob " + label);
        }
        SeekableByteChannel ch = Files.newByteChannel(s.file(), StandardOpenOption.READ);
        ch.position(offset);
        return Channels.newInputStream(ch);
    }

    /** Forgets a spooled body once its request is done. */
    public void discard(String label) {
        Stored s = blobs.remove(label);
        if (s != null) {
            try {
                Files.deleteIfExists(s.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes the directory and every blob in it. */
    @Override
    public void close() {
        blobs.clear();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Writes a body to the stream it is given. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + name, e);
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}

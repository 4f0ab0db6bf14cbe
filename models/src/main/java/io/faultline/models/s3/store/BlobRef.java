package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where the bytes of an object (or of one part of it) live: a blob on the storage hosts. Blobs are
 * immutable and content-addressed ({@link #idOf}: the hex MD5 of the content and its size), so two
 * replicas of a blob never disagree and consistency stays the metadata index's job: the index
 * decides which blob a key names, a storage host only ever answers with that blob's bytes or not at
 * all.
 *
 * <pre>{@code
 * BlobRef r = new BlobRef(BlobRef.idOf(body), body.size(), List.of("st2", "st1", "st4"));
 * }</pre>
 *
 * @param id    the content address
 * @param size  its length in bytes
 * @param hosts the storage hosts it was written to, those that acknowledged it first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record BlobRef(String id, long size, List<String> hosts) {
    public BlobRef {
        Objects.requireNonNull(id, "id");
        hosts = List.copyOf(hosts);
    }

    /** The content address of {@code body}: hex MD5 and size (a synthetic body's MD5 is its descriptor's). */
    public static String idOf(Body body) {
        return body.etag() + "-" + body.size() + (body instanceof Body.Synthetic ? "s" : "");
    }

    /** True if {@code body} is the content this blob names (so a damaged copy is never served). */
    public boolean holds(Body body) {
        return idOf(body).equals(id);
    }
}

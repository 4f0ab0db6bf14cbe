package io.faultline.models.s3.api;

import java.util.Objects;

/**
 * One object in a list response ({@code Contents} of ListObjectsV2).
 *
 * @param key          the key
 * @param etag         its ETag
 * @param size         its size in bytes
 * @param lastModified virtual nanoseconds
 */
public record ListEntry(String key, String etag, long size, long lastModified) {
    public ListEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
    }
}

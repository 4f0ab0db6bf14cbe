package io.faultline.models.s3.store;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One write to the index: put {@code slot} at {@code versionId} of {@code key}. Every object write
 * (PUT, COPY, Complete, DELETE) is exactly one mutation, which replicas apply by
 * {@link KeyState#merge}.
 *
 * @param key       the object key
 * @param versionId the version ID written; {@link KeyState#NULL_VERSION} for the null version
 * @param slot      what it now holds
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Mutation(String key, String versionId, Slot slot) {
    public Mutation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(slot, "slot");
    }
}

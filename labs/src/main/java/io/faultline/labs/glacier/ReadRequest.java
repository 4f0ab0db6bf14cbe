package io.faultline.labs.glacier;

import org.apiguardian.api.API;

/**
 * A read of {@code key} that must succeed at {@code deadline} (virtual time).
 *
 * @param key      the object's key
 * @param deadline when the GET is made
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReadRequest(String key, long deadline) {
}

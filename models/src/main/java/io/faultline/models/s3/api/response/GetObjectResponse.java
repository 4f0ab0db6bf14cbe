package io.faultline.models.s3.api.response;

import io.faultline.models.s3.api.Body;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A successful GET: 200 with the whole object, or 206 with one range (FIDELITY A4).
 *
 * <pre>{@code
 * GetObjectResponse r = client.getObject("b", "k").orThrow();
 * if (r.status() == 206) { System.out.println(r.contentRange().orElseThrow()); }
 * }</pre>
 *
 * @param status       200 or 206
 * @param info         the version served
 * @param body         the bytes served (the range for a 206)
 * @param contentRange {@code bytes first-last/size} for a 206
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GetObjectResponse(int status, ObjectInfo info, Body body, Optional<String> contentRange) {
    public GetObjectResponse {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentRange, "contentRange");
        if (status != 200 && status != 206) {
            throw new IllegalArgumentException("a GET succeeds with 200 or 206, not " + status);
        }
    }
}

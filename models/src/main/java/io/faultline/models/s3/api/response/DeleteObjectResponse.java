package io.faultline.models.s3.api.response;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A successful DeleteObject (204), FIDELITY A6.2.
 *
 * @param deleteMarker true if a delete marker was created, or the version deleted was one
 * @param versionId    the marker's or the deleted version's ID, when versioning is involved
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DeleteObjectResponse(boolean deleteMarker, Optional<String> versionId) {
    public DeleteObjectResponse {
        Objects.requireNonNull(versionId, "versionId");
    }
}

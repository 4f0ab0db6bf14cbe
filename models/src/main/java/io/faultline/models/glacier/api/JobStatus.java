package io.faultline.models.glacier.api;

import org.apiguardian.api.API;

/** A job's status code (FIDELITY B2): {@code InProgress}, {@code Succeeded} or {@code Failed}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum JobStatus {
    IN_PROGRESS, SUCCEEDED, FAILED
}

package io.faultline.models.glacier.api;

/** A job's status code (FIDELITY B2): {@code InProgress}, {@code Succeeded} or {@code Failed}. */
public enum JobStatus {
    IN_PROGRESS, SUCCEEDED, FAILED
}

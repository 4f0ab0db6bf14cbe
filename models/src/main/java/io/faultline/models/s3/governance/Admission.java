package io.faultline.models.s3.governance;

import org.apiguardian.api.API;

/**
 * What the admitting host knows of a request besides the model's call: its number in admission
 * order (1, 2, ...), by which a server finds who sent the request and what it answered, and
 * whether a PUT is the write half of a copy. A copy reaches the model as a GET of the source and a
 * PUT of the target, and S3 notifies it as {@code ObjectCreated:Copy} (FIDELITY A16.13).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Admission(long number, boolean copyWrite) {
}

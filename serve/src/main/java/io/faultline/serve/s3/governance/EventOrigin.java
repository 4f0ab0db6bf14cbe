package io.faultline.serve.s3.governance;

import org.apiguardian.api.API;

/**
 * What the server knew of a request when it admitted it, for the event messages it causes
 * (FIDELITY A16.13): the principal that signed it (its account, or {@code anonymous}), the address
 * it came from, the request id the server answered with ({@code x-amz-request-id}, also sent as
 * {@code x-amz-id-2}), and the account owning the bucket it wrote to. The model does not know
 * these; the server keeps them by the request's admission number.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EventOrigin(String principalId, String sourceIp, String requestId, String bucketOwner) {
}

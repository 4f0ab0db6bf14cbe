package io.faultline.serve.s3.auth;

import org.apiguardian.api.API;

/** A request whose sender is known: who, and the payload with any aws-chunked framing removed. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Authenticated(Principal principal, byte[] payload) {
}

package io.faultline.serve.s3.auth;

import org.apiguardian.api.API;

/** Who sent a request, once its signature is verified: an account, or nobody (anonymous). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Principal {
    /** An unsigned request. */
    record Anonymous() implements Principal {
    }

    /** A request signed with a key of {@code account}. */
    record Account(String account, String accessKeyId) implements Principal {
    }

    Principal ANONYMOUS = new Anonymous();
}

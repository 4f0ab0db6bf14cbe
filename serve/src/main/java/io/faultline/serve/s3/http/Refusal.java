package io.faultline.serve.s3.http;

import org.apiguardian.api.API;

/**
 * An S3 error answer decided before the model is asked (authentication, authorization, a request
 * the server cannot parse): status, S3's error code and a message, rendered as S3's XML error.
 * Thrown inside the request pipeline and caught once, where the response is written.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Refusal extends RuntimeException {
    private final int status;
    private final String code;

    public Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static Refusal accessDenied(String why) {
        return new Refusal(403, "AccessDenied", why);
    }

    public static Refusal malformedXml() {
        return new Refusal(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
    }

    public static Refusal notImplemented(String what) {
        return new Refusal(501, "NotImplemented", "A header or operation you provided implies functionality that is not implemented: " + what);
    }
}

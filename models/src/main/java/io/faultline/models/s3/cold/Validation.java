package io.faultline.models.s3.cold;

import org.apiguardian.api.API;

/**
 * The answer to PutBucketLifecycleConfiguration's checks: accepted, or refused with S3's error code
 * and status (the code for A9.2's violations is not in the retrieved docs: InvalidArgument 400, [U]).
 *
 * <pre>{@code
 * if (LifecycleValidation.validate(rules) instanceof Validation.Invalid bad) {
 *     System.out.println(bad.code() + " " + bad.message());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Validation {
    /** The configuration is accepted. */
    record Valid() implements Validation {
    }

    /** Refused, naming the rule and the constraint. */
    record Invalid(String code, int status, String message) implements Validation {
    }

    static Validation invalid(String message) {
        return new Invalid("InvalidArgument", 400, message);
    }
}

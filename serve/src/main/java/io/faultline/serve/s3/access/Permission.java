package io.faultline.serve.s3.access;

import org.apiguardian.api.API;

/**
 * What an ACL grant allows (FIDELITY A16.5): READ lists a bucket or reads an object, WRITE
 * creates, overwrites and deletes objects in a bucket, READ_ACP and WRITE_ACP read and replace the
 * ACL itself, FULL_CONTROL is all four.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Permission {
    READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL;

    /** True if a grant of this permission allows {@code wanted}. */
    public boolean covers(Permission wanted) {
        return this == FULL_CONTROL || this == wanted;
    }

    /** The {@code x-amz-grant-*} header that grants this permission. */
    public String header() {
        return "x-amz-grant-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

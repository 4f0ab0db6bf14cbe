package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The six canned ACLs S3 serves for buckets and objects (FIDELITY A16.6), each a fixed list of
 * grants: the owner always gets FULL_CONTROL, and {@code bucket-owner-*} add the bucket's owner on
 * an object another account wrote.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum CannedAcl {
    PRIVATE("private"), PUBLIC_READ("public-read"), PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"), BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control");

    private final String header;

    CannedAcl(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The value of {@code x-amz-acl}; anything else is 400 InvalidArgument naming what is allowed. */
    public static CannedAcl parse(String value) {
        for (CannedAcl c : values()) {
            if (c.header.equals(value.trim())) {
                return c;
            }
        }
        throw new Refusal(400, "InvalidArgument", "x-amz-acl '" + value + "' is not one of private, public-read,"
                + " public-read-write, authenticated-read, bucket-owner-read, bucket-owner-full-control");
    }

    /** The ACL this canned ACL stands for, on a resource owned by {@code owner} in a bucket of {@code bucketOwner}. */
    public Acl toAcl(String owner, String bucketOwner) {
        List<Grant> g = new ArrayList<>();
        g.add(new Grant(new Grantee.Account(owner), Permission.FULL_CONTROL));
        switch (this) {
            case PUBLIC_READ -> g.add(new Grant(new Grantee.AllUsers(), Permission.READ));
            case PUBLIC_READ_WRITE -> {
                g.add(new Grant(new Grantee.AllUsers(), Permission.READ));
                g.add(new Grant(new Grantee.AllUsers(), Permission.WRITE));
            }
            case AUTHENTICATED_READ -> g.add(new Grant(new Grantee.AuthenticatedUsers(), Permission.READ));
            case BUCKET_OWNER_READ -> {
                if (!bucketOwner.equals(owner)) {
                    g.add(new Grant(new Grantee.Account(bucketOwner), Permission.READ));
                }
            }
            case BUCKET_OWNER_FULL_CONTROL -> {
                if (!bucketOwner.equals(owner)) {
                    g.add(new Grant(new Grantee.Account(bucketOwner), Permission.FULL_CONTROL));
                }
            }
            case PRIVATE -> {
            }
        }
        return new Acl(owner, g);
    }
}

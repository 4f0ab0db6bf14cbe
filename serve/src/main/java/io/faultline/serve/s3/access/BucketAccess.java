package io.faultline.serve.s3.access;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the server keeps about a bucket outside the model, which has no accounts: its owner, ACL,
 * Object Ownership, Block Public Access, policy, versioning status and MFA delete.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record BucketAccess(String owner, Acl acl, ObjectOwnership ownership, PublicAccessBlock publicAccessBlock,
                           Optional<BucketPolicy> policy, Optional<String> versioning, boolean mfaDelete) {
    /** A new bucket as S3 creates it since April 2023: private, ACLs disabled, Block Public Access all on. */
    public static BucketAccess created(String owner, ObjectOwnership ownership, Acl acl) {
        return new BucketAccess(owner, acl, ownership, PublicAccessBlock.ALL_ON, Optional.empty(), Optional.empty(), false);
    }

    public BucketAccess withAcl(Acl a) {
        return new BucketAccess(owner, a, ownership, publicAccessBlock, policy, versioning, mfaDelete);
    }

    public BucketAccess withOwnership(ObjectOwnership o) {
        return new BucketAccess(owner, acl, o, publicAccessBlock, policy, versioning, mfaDelete);
    }

    public BucketAccess withPublicAccessBlock(PublicAccessBlock b) {
        return new BucketAccess(owner, acl, ownership, b, policy, versioning, mfaDelete);
    }

    public BucketAccess withPolicy(Optional<BucketPolicy> p) {
        return new BucketAccess(owner, acl, ownership, publicAccessBlock, p, versioning, mfaDelete);
    }

    public BucketAccess withVersioning(String status, boolean mfa) {
        return new BucketAccess(owner, acl, ownership, publicAccessBlock, policy, Optional.of(status), mfa);
    }
}

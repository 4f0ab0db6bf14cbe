package io.faultline.serve.s3.access;

import io.faultline.serve.s3.auth.Principal;
import io.faultline.serve.s3.http.CopySource;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Who may do what, decided before the model is asked, so that a refused request changes nothing
 * and is absent from the session. The order is IAM's for S3 (FIDELITY A16.5, A16.9): an explicit
 * Deny in the bucket policy refuses; an Allow grants (unless Block Public Access restricts a public
 * policy to the owner's account); the bucket's owner may do anything to the bucket; otherwise an
 * ACL grant decides, when Object Ownership leaves ACLs enabled (FIDELITY A16.6, A16.7), without
 * the public grants when IgnorePublicAcls is on (FIDELITY A16.8). Anything else is 403 AccessDenied.
 *
 * <p>The state (owners, ACLs, settings) changes only when the model accepted the request that
 * changes it, or here for the sub-resources the model does not have ({@link SubResources}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AccessControl {
    private final TreeMap<String, BucketAccess> buckets = new TreeMap<>();
    private final TreeMap<String, ObjectAccess> objects = new TreeMap<>();
    private final SubResources sub = new SubResources(this);
    private final int bucketQuota;

    /** {@code bucketQuota}: buckets per account (FIDELITY A2). */
    public AccessControl(int bucketQuota) {
        this.bucketQuota = bucketQuota;
    }

    /** Throws the Refusal S3 answers when {@code who} may not send {@code w}. */
    public synchronized void authorize(Principal who, WireRequest w) {
        Optional<String> account = account(who);
        if (w.bucket().isEmpty()) {
            if (account.isEmpty()) {
                throw Refusal.accessDenied("Anonymous users cannot list buckets");
            }
            return;
        }
        BucketAccess b = buckets.get(w.bucket());
        if (w.key().isEmpty() && w.method().equals("PUT") && w.query().isEmpty()) {
            authorizeCreate(account, b, w);
            return;
        }
        if (b == null) {
            return; // no such bucket: the model answers 404 NoSuchBucket, or SubResources does
        }
        Action action = Action.of(w);
        if (w.hasParam("delete") && w.key().isEmpty()) {
            if (b.policy().isEmpty()) {
                decide(account, b, action, w.bucket(), "", w);
            } else {
                for (org.w3c.dom.Element o : Xml.children(Xml.parse(w.body()), "Object")) {
                    decide(account, b, action, w.bucket(), Xml.text(o, "Key"), w); // the policy judges each key's ARN
                }
            }
        } else {
            decide(account, b, action, w.bucket(), w.key(), w);
        }
        Optional<CopySource> source = CopySource.of(w);
        if (source.isPresent()) {
            authorizeCopySource(account, source.get(), w);
        }
        if (!w.key().isEmpty() && !w.hasParam("acl") && (w.method().equals("PUT") || w.hasParam("uploads"))) {
            checkAclHeaders(b, w, objectOwner(b, account.orElse(b.owner()), w));
        }
    }

    private void authorizeCreate(Optional<String> account, BucketAccess existing, WireRequest w) {
        if (account.isEmpty()) {
            throw Refusal.accessDenied("Anonymous users cannot create buckets");
        }
        if (existing != null) {
            if (!existing.owner().equals(account.get())) {
                throw new Refusal(409, "BucketAlreadyExists", "The requested bucket name is not available. The bucket"
                        + " namespace is shared by all users of the system. Please select a different name and try again.");
            }
            return; // the model answers BucketAlreadyOwnedByYou
        }
        long owned = buckets.values().stream().filter(x -> x.owner().equals(account.get())).count();
        if (owned >= bucketQuota) {
            throw new Refusal(400, "TooManyBuckets", "You have attempted to create more buckets than allowed ("
                    + bucketQuota + " per account)");
        }
        ObjectOwnership o = w.header("x-amz-object-ownership").map(ObjectOwnership::parse).orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        Acl acl = AclRequests.fromHeaders(w, account.get(), account.get());
        if (o.aclsDisabled() && AclRequests.namesAcl(w) && !acl.equals(Acl.privateTo(account.get()))) {
            throw new Refusal(400, "InvalidBucketAclWithObjectOwnership",
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
        if (acl.isPublic()) {
            throw Refusal.accessDenied("Block Public Access (on for every new bucket) refuses a public ACL");
        }
    }

    /** Refuses what the request's ACL headers may not set: any ACL when ACLs are disabled, a public one when blocked. */
    void checkAclHeaders(BucketAccess b, WireRequest w, String objectOwner) {
        if (!AclRequests.namesAcl(w)) {
            return;
        }
        if (b.ownership().aclsDisabled()) {
            if (AclRequests.canned(w).filter(c -> c == CannedAcl.BUCKET_OWNER_FULL_CONTROL).isEmpty()) {
                throw ObjectOwnership.aclsNotSupported();
            }
            return;
        }
        checkNotBlocked(b, AclRequests.fromHeaders(w, objectOwner, b.owner()));
    }

    void checkNotBlocked(BucketAccess b, Acl acl) {
        if (acl.isPublic() && b.publicAccessBlock().blockPublicAcls()) {
            throw Refusal.accessDenied("Block Public Access (BlockPublicAcls) refuses a public ACL on this bucket");
        }
    }

    private void decide(Optional<String> account, BucketAccess b, Action action, String bucket, String key, WireRequest w) {
        String arn = "arn:aws:s3:::" + bucket + (key.isEmpty() ? "" : "/" + key);
        boolean isOwner = account.filter(b.owner()::equals).isPresent();
        if (b.policy().isPresent()) {
            BucketPolicy p = b.policy().get();
            BucketPolicy.Verdict v = p.evaluate(new RequestContext(account, action.name(), arn, conditionKeys(account, w)));
            boolean ownPolicy = isOwner && action.name().endsWith("BucketPolicy");
            if (v == BucketPolicy.Verdict.DENY && !ownPolicy) {
                throw Refusal.accessDenied("Access Denied (explicit deny in the bucket policy)");
            }
            if (v == BucketPolicy.Verdict.ALLOW && (isOwner || !(p.isPublic() && b.publicAccessBlock().restrictPublicBuckets()))) {
                return;
            }
        }
        if (isOwner && action.scope() != Action.Scope.OBJECT) {
            return;
        }
        if (action.scope() == Action.Scope.OBJECT) {
            ObjectAccess o = objects.get(bucket + "/" + key);
            if (o == null) {
                if (isOwner) {
                    return; // the model answers NoSuchKey to the owner; others learn nothing (403)
                }
            } else {
                boolean objectOwner = account.filter((b.ownership().aclsDisabled() ? b.owner() : o.owner())::equals).isPresent();
                if (objectOwner || (!b.ownership().aclsDisabled()
                        && o.acl().allows(account, action.aclPermission().get(), b.publicAccessBlock().ignorePublicAcls()))) {
                    return;
                }
            }
        } else if (action.scope() == Action.Scope.BUCKET && !b.ownership().aclsDisabled()
                && b.acl().allows(account, action.aclPermission().get(), b.publicAccessBlock().ignorePublicAcls())) {
            return;
        }
        throw Refusal.accessDenied("Access Denied");
    }

    /** The condition keys a request carries (FIDELITY A16.9). */
    private static Map<String, List<String>> conditionKeys(Optional<String> account, WireRequest w) {
        Map<String, List<String>> k = new TreeMap<>();
        k.put("aws:SecureTransport", List.of("false")); // plain HTTP on loopback
        account.ifPresent(a -> k.put("aws:PrincipalAccount", List.of(a)));
        w.header("x-amz-acl").ifPresent(v -> k.put("s3:x-amz-acl", List.of(v)));
        w.header("x-amz-server-side-encryption").ifPresent(v -> k.put("s3:x-amz-server-side-encryption", List.of(v)));
        w.header("x-amz-server-side-encryption-aws-kms-key-id")
                .ifPresent(v -> k.put("s3:x-amz-server-side-encryption-aws-kms-key-id", List.of(v)));
        w.param("prefix").ifPresent(v -> k.put("s3:prefix", List.of(v)));
        return k;
    }

    /**
     * A copy (CopyObject or UploadPartCopy) reads its source as a GET would, under the SOURCE
     * bucket's policy, ACLs and Block Public Access, which may be another bucket, another account's
     * (FIDELITY A16.17); the write is judged on the target like any PUT.
     */
    private void authorizeCopySource(Optional<String> account, CopySource source, WireRequest w) {
        BucketAccess from = buckets.get(source.bucket());
        if (from == null) {
            return; // no such bucket: the model answers 404 NoSuchBucket to the read of the source
        }
        decide(account, from, Action.object("s3:GetObject", Permission.READ), source.bucket(), source.key(), w);
    }

    /** Who will own an object {@code writer} writes with {@code w} (FIDELITY A16.7). */
    static String objectOwner(BucketAccess b, String writer, WireRequest w) {
        return switch (b.ownership()) {
            case BUCKET_OWNER_ENFORCED -> b.owner();
            case BUCKET_OWNER_PREFERRED -> AclRequests.canned(w).filter(c -> c == CannedAcl.BUCKET_OWNER_FULL_CONTROL).isPresent()
                    ? b.owner() : writer;
            case OBJECT_WRITER -> writer;
        };
    }

    /** Records what a request the model accepted changed: a bucket's owner, an object's owner and ACL, versioning. */
    public synchronized void accepted(Principal who, WireRequest w) {
        Optional<String> account = account(who);
        BucketAccess b = buckets.get(w.bucket());
        if (w.key().isEmpty()) {
            if (w.method().equals("PUT") && w.query().isEmpty() && b == null && account.isPresent()) {
                ObjectOwnership o = w.header("x-amz-object-ownership").map(ObjectOwnership::parse)
                        .orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
                buckets.put(w.bucket(), BucketAccess.created(account.get(), o, AclRequests.fromHeaders(w, account.get(), account.get())));
            } else if (w.method().equals("DELETE") && w.query().isEmpty()) {
                buckets.remove(w.bucket());
                objects.subMap(w.bucket() + "/", w.bucket() + "0").clear();
            }
            return;
        }
        boolean write = (w.method().equals("PUT") && !w.hasParam("partNumber")) || (w.method().equals("POST") && w.hasParam("uploadId"));
        if (b != null && write) {
            String owner = objectOwner(b, account.orElse(b.owner()), w);
            Acl acl = b.ownership().aclsDisabled() ? Acl.privateTo(owner) : AclRequests.fromHeaders(w, owner, b.owner());
            objects.put(w.bucket() + "/" + w.key(), new ObjectAccess(owner, acl));
        }
    }

    /** Records a versioning change the model accepted, with its MFA delete setting. */
    public synchronized void versioningChanged(String bucket, String status, boolean mfaDelete) {
        BucketAccess b = buckets.get(bucket);
        if (b != null) {
            buckets.put(bucket, b.withVersioning(status, mfaDelete));
        }
    }

    /** The answer to a sub-resource the model does not have ({@code ?acl}, {@code ?policy}, ...), if {@code w} is one. */
    public synchronized Optional<HttpAnswer> local(Principal who, WireRequest w) {
        return sub.answer(account(who), w);
    }

    /** True if {@code account} owns {@code bucket} (ListBuckets shows a caller its own). */
    public synchronized boolean owns(String account, String bucket) {
        BucketAccess b = buckets.get(bucket);
        return b != null && b.owner().equals(account);
    }

    /** The bucket's access state, for the stages after this one (MFA delete, the website endpoint). */
    public synchronized Optional<BucketAccess> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    /** True if anonymous callers may read the object: what the website endpoint serves. */
    public synchronized boolean publiclyReadable(String bucket, String key) {
        BucketAccess b = buckets.get(bucket);
        if (b == null) {
            return false;
        }
        try {
            decide(Optional.empty(), b, Action.object("s3:GetObject", Permission.READ), bucket, key,
                    new WireRequest("GET", bucket, key, Map.of(), Map.of(), new byte[0]));
            return true;
        } catch (Refusal r) {
            return false;
        }
    }

    // state access for SubResources, under this object's lock
    BucketAccess get(String bucket) {
        return buckets.get(bucket);
    }

    void put(String bucket, BucketAccess b) {
        buckets.put(bucket, b);
    }

    Optional<ObjectAccess> object(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    void putObject(String bucket, String key, ObjectAccess o) {
        objects.put(bucket + "/" + key, o);
    }

    static Optional<String> account(Principal who) {
        return who instanceof Principal.Account a ? Optional.of(a.account()) : Optional.empty();
    }
}

package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The sub-resources answered from {@link AccessControl}'s state rather than the model:
 * {@code ?acl} on buckets and objects, {@code ?policy}, {@code ?publicAccessBlock},
 * {@code ?ownershipControls}, GET {@code ?versioning} and GET {@code ?location}. The caller is
 * already authorized; this class only reads and changes the state, under AccessControl's lock.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class SubResources {
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private final AccessControl state;

    SubResources(AccessControl state) {
        this.state = state;
    }

    Optional<HttpAnswer> answer(Optional<String> account, WireRequest w) {
        String m = w.method();
        boolean get = m.equals("GET");
        boolean bucketLevel = w.key().isEmpty();
        boolean mine = w.hasParam("acl") || (bucketLevel && (w.hasParam("policy") || w.hasParam("publicAccessBlock")
                || w.hasParam("ownershipControls") || w.hasParam("location") || (w.hasParam("versioning") && get)));
        if (!mine) {
            return Optional.empty();
        }
        BucketAccess b = state.get(w.bucket());
        if (b == null) {
            throw new Refusal(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (w.hasParam("acl")) {
            return Optional.of(bucketLevel ? bucketAcl(b, w) : objectAcl(b, w, account));
        }
        if (w.hasParam("location")) {
            return Optional.of(HttpAnswer.xml(200, "<LocationConstraint" + NS + "></LocationConstraint>"));
        }
        if (w.hasParam("versioning")) {
            return Optional.of(HttpAnswer.xml(200, "<VersioningConfiguration" + NS + ">"
                    + b.versioning().map(s -> Xml.el("Status", s)).orElse("")
                    + (b.versioning().isPresent() ? Xml.el("MfaDelete", b.mfaDelete() ? "Enabled" : "Disabled") : "")
                    + "</VersioningConfiguration>"));
        }
        if (w.hasParam("policy")) {
            return Optional.of(policy(b, w));
        }
        if (w.hasParam("publicAccessBlock")) {
            return Optional.of(switch (m) {
                case "GET" -> b.publicAccessBlock().equals(PublicAccessBlock.OFF)
                        ? refuse(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")
                        : HttpAnswer.xml(200, b.publicAccessBlock().toXml());
                case "PUT" -> set(w, b.withPublicAccessBlock(PublicAccessBlock.fromXml(w.body())), 200);
                case "DELETE" -> set(w, b.withPublicAccessBlock(PublicAccessBlock.OFF), 204);
                default -> refuse(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            });
        }
        return Optional.of(switch (m) {
            case "GET" -> HttpAnswer.xml(200, b.ownership().toXml());
            case "PUT" -> {
                ObjectOwnership o = ObjectOwnership.fromXml(w.body());
                if (o.aclsDisabled() && !b.acl().equals(Acl.privateTo(b.owner()))) {
                    throw new Refusal(400, "InvalidBucketAclWithObjectOwnership",
                            "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
                }
                yield set(w, b.withOwnership(o), 200);
            }
            case "DELETE" -> set(w, b.withOwnership(ObjectOwnership.OBJECT_WRITER), 204);
            default -> refuse(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        });
    }

    private HttpAnswer bucketAcl(BucketAccess b, WireRequest w) {
        if (w.method().equals("GET")) {
            return HttpAnswer.xml(200, AclRequests.toXml(b.acl()));
        }
        Acl acl = requested(w, b.owner(), b.owner());
        if (b.ownership().aclsDisabled() && !acl.equals(Acl.privateTo(b.owner()))) {
            throw ObjectOwnership.aclsNotSupported();
        }
        state.checkNotBlocked(b, acl);
        return set(w, b.withAcl(acl), 200);
    }

    private HttpAnswer objectAcl(BucketAccess b, WireRequest w, Optional<String> account) {
        ObjectAccess o = state.object(w.bucket(), w.key())
                .orElseThrow(() -> new Refusal(404, "NoSuchKey", "The specified key does not exist."));
        if (w.method().equals("GET")) {
            return HttpAnswer.xml(200, AclRequests.toXml(b.ownership().aclsDisabled() ? Acl.privateTo(b.owner()) : o.acl()));
        }
        if (b.ownership().aclsDisabled()) {
            if (AclRequests.canned(w).filter(c -> c == CannedAcl.BUCKET_OWNER_FULL_CONTROL).isEmpty()) {
                throw ObjectOwnership.aclsNotSupported();
            }
            return HttpAnswer.empty(200);
        }
        Acl acl = requested(w, o.owner(), b.owner());
        state.checkNotBlocked(b, acl);
        state.putObject(w.bucket(), w.key(), new ObjectAccess(o.owner(), acl));
        return HttpAnswer.empty(200);
    }

    /** The ACL a {@code PUT ?acl} asks for: from its headers, or from its AccessControlPolicy body. */
    private static Acl requested(WireRequest w, String owner, String bucketOwner) {
        if (AclRequests.namesAcl(w)) {
            if (w.body().length > 0) {
                throw new Refusal(400, "UnexpectedContent", "This request does not support content with an ACL header");
            }
            return AclRequests.fromHeaders(w, owner, bucketOwner);
        }
        return AclRequests.fromXml(w.body(), owner);
    }

    private HttpAnswer policy(BucketAccess b, WireRequest w) {
        switch (w.method()) {
            case "GET":
                return b.policy().map(p -> new HttpAnswer(200, java.util.Map.of("Content-Type", "application/json"),
                                p.document().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .orElseGet(() -> refuse(404, "NoSuchBucketPolicy", "The bucket policy does not exist"));
            case "PUT":
                BucketPolicy p = BucketPolicy.parse(w.body(), w.bucket());
                if (p.isPublic() && b.publicAccessBlock().blockPublicPolicy()) {
                    throw Refusal.accessDenied("Block Public Access (BlockPublicPolicy) refuses a public bucket policy");
                }
                return set(w, b.withPolicy(Optional.of(p)), 204);
            case "DELETE":
                return set(w, b.withPolicy(Optional.empty()), 204);
            default:
                return refuse(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    private HttpAnswer set(WireRequest w, BucketAccess b, int status) {
        state.put(w.bucket(), b);
        return HttpAnswer.empty(status);
    }

    private static HttpAnswer refuse(int status, String code, String message) {
        throw new Refusal(status, code, message);
    }
}

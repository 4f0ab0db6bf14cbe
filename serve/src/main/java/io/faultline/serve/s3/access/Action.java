package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.WireRequest;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The S3 action a request performs, as bucket policies name it ({@code s3:GetObject}), and what an
 * ACL must grant for it: a permission on the bucket, a permission on the object, or nothing, when
 * only the bucket's owner (or a policy) may do it (FIDELITY A16.6, A16.9).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Action(String name, Scope scope, Optional<Permission> aclPermission) {
    /** Where the ACL that may grant the action sits. */
    public enum Scope { BUCKET, OBJECT, OWNER_ONLY }

    static Action bucket(String name, Permission p) {
        return new Action(name, Scope.BUCKET, Optional.of(p));
    }

    static Action object(String name, Permission p) {
        return new Action(name, Scope.OBJECT, Optional.of(p));
    }

    static Action ownerOnly(String name) {
        return new Action(name, Scope.OWNER_ONLY, Optional.empty());
    }

    /** The action of a request on an existing bucket (not ListBuckets, not CreateBucket). */
    public static Action of(WireRequest w) {
        String m = w.method();
        boolean read = m.equals("GET") || m.equals("HEAD");
        if (w.key().isEmpty()) {
            if (w.hasParam("acl")) {
                return read ? bucket("s3:GetBucketAcl", Permission.READ_ACP) : bucket("s3:PutBucketAcl", Permission.WRITE_ACP);
            }
            for (String sub : new String[] {"policy", "publicAccessBlock", "ownershipControls", "versioning", "website",
                    "logging", "notification", "replication", "encryption"}) {
                if (w.hasParam(sub)) {
                    return ownerOnly(settingAction(sub, m));
                }
            }
            if (w.hasParam("location")) {
                return ownerOnly("s3:GetBucketLocation");
            }
            if (w.hasParam("delete")) {
                return bucket("s3:DeleteObject", Permission.WRITE);
            }
            if (m.equals("DELETE")) {
                return ownerOnly("s3:DeleteBucket");
            }
            if (w.hasParam("versions")) {
                return bucket("s3:ListBucketVersions", Permission.READ);
            }
            if (w.hasParam("uploads")) {
                return bucket("s3:ListBucketMultipartUploads", Permission.READ);
            }
            return bucket("s3:ListBucket", Permission.READ);
        }
        if (w.hasParam("acl")) {
            return read ? object("s3:GetObjectAcl", Permission.READ_ACP) : object("s3:PutObjectAcl", Permission.WRITE_ACP);
        }
        if (read) {
            return w.hasParam("uploadId") ? bucket("s3:ListMultipartUploadParts", Permission.WRITE)
                    : object(w.param("versionId").isPresent() ? "s3:GetObjectVersion" : "s3:GetObject", Permission.READ);
        }
        if (m.equals("DELETE")) {
            return w.hasParam("uploadId") ? bucket("s3:AbortMultipartUpload", Permission.WRITE)
                    : bucket(w.param("versionId").isPresent() ? "s3:DeleteObjectVersion" : "s3:DeleteObject", Permission.WRITE);
        }
        return bucket("s3:PutObject", Permission.WRITE);
    }

    private static String settingAction(String sub, String method) {
        String verb = switch (method) {
            case "GET", "HEAD" -> "Get";
            case "DELETE" -> sub.equals("policy") ? "Delete" : "Put";
            default -> "Put";
        };
        String noun = switch (sub) {
            case "publicAccessBlock" -> "BucketPublicAccessBlock";
            case "ownershipControls" -> "BucketOwnershipControls";
            case "notification" -> "BucketNotification";
            case "replication" -> "ReplicationConfiguration";
            case "encryption" -> "EncryptionConfiguration";
            default -> "Bucket" + Character.toUpperCase(sub.charAt(0)) + sub.substring(1);
        };
        return "s3:" + verb + noun;
    }
}

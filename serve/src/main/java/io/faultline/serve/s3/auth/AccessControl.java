package io.faultline.serve.s3.auth;

import io.faultline.models.s3.api.S3Request;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Who may do what (FIDELITY A16.5): the account that created a bucket owns it and everything in
 * it; everyone else, another account or an anonymous caller, gets only what a canned ACL
 * ({@code x-amz-acl}) made public: {@code public-read} on an object lets anyone GET it,
 * {@code public-read} on a bucket lets anyone list it, {@code public-read-write} on a bucket lets
 * anyone write into it. Buckets and objects are private by default. The decision comes before the
 * model is asked, so a refused request changes nothing and is not in the session.
 *
 * <p>The bucket's owner, its ACL and its versioning status are kept here, outside the model,
 * because the model has no accounts; they change only when the model said yes.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AccessControl {
    /** The canned ACLs served (others are 501 NotImplemented). */
    public enum Canned {
        PRIVATE("private"), PUBLIC_READ("public-read"), PUBLIC_READ_WRITE("public-read-write");

        private final String header;

        Canned(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        static Canned parse(Optional<String> header) {
            if (header.isEmpty()) {
                return PRIVATE;
            }
            for (Canned c : values()) {
                if (c.header.equals(header.get().trim())) {
                    return c;
                }
            }
            throw new Refusal(400, "InvalidArgument", "x-amz-acl '" + header.get() + "' is not one of private, public-read, public-read-write");
        }
    }

    private record BucketState(String owner, Canned acl, Optional<String> versioning) {
    }

    private final TreeMap<String, BucketState> buckets = new TreeMap<>();
    private final TreeMap<String, Canned> objects = new TreeMap<>();

    /** Throws the Refusal S3 answers when {@code who} may not send {@code r}. */
    public synchronized void authorize(Principal who, S3Request r) {
        Optional<String> account = account(who);
        if (r instanceof S3Request.ListBuckets) {
            if (account.isEmpty()) {
                throw Refusal.accessDenied("Anonymous users cannot list buckets");
            }
            return;
        }
        BucketState b = buckets.get(r.bucket());
        if (r instanceof S3Request.CreateBucket) {
            if (account.isEmpty()) {
                throw Refusal.accessDenied("Anonymous users cannot create buckets");
            }
            if (b != null && !b.owner().equals(account.get())) {
                throw new Refusal(409, "BucketAlreadyExists", "The requested bucket name is not available. The bucket"
                        + " namespace is shared by all users of the system. Please select a different name and try again.");
            }
            return;
        }
        if (b == null || (account.isPresent() && b.owner().equals(account.get()))) {
            return; // the owner; or no such bucket, which the model answers (404 NoSuchBucket)
        }
        if (allowedToOthers(b, r)) {
            return;
        }
        throw Refusal.accessDenied("Access Denied");
    }

    private boolean allowedToOthers(BucketState b, S3Request r) {
        if (r instanceof S3Request.GetObject g) {
            return objects.getOrDefault(g.bucket() + "/" + g.key(), Canned.PRIVATE) != Canned.PRIVATE;
        }
        if (r instanceof S3Request.HeadObject h) {
            return objects.getOrDefault(h.bucket() + "/" + h.key(), Canned.PRIVATE) != Canned.PRIVATE;
        }
        if (r instanceof S3Request.ListObjectsV2) {
            return b.acl() != Canned.PRIVATE;
        }
        if (r instanceof S3Request.PutObject || r instanceof S3Request.DeleteObject
                || r instanceof S3Request.CreateMultipartUpload || r instanceof S3Request.UploadPart
                || r instanceof S3Request.CompleteMultipartUpload || r instanceof S3Request.AbortMultipartUpload) {
            return b.acl() == Canned.PUBLIC_READ_WRITE;
        }
        return false;
    }

    /** Records what a request the model accepted changed: a bucket's owner, ACLs, versioning. */
    public synchronized void accepted(Principal who, WireRequest w, S3Request r) {
        if (r instanceof S3Request.CreateBucket c && account(who).isPresent()) {
            buckets.putIfAbsent(c.bucket(), new BucketState(account(who).get(), Canned.parse(w.header("x-amz-acl")), Optional.empty()));
        } else if (r instanceof S3Request.DeleteBucket d) {
            buckets.remove(d.bucket());
            objects.subMap(d.bucket() + "/", d.bucket() + "0").clear();
        } else if (r instanceof S3Request.PutBucketVersioning v) {
            BucketState b = buckets.get(v.bucket());
            if (b != null) {
                buckets.put(v.bucket(), new BucketState(b.owner(), b.acl(), Optional.of(v.status())));
            }
        } else if (r instanceof S3Request.PutObject || r instanceof S3Request.CompleteMultipartUpload
                || r instanceof S3Request.CopyObject) {
            objects.put(w.bucket() + "/" + w.key(), Canned.parse(w.header("x-amz-acl")));
        }
    }

    /**
     * Answers the requests kept here rather than in the model: {@code ?acl} (canned ACLs only),
     * GET {@code ?versioning} and GET {@code ?location}. Empty for every other request.
     */
    public synchronized Optional<HttpAnswer> local(Principal who, WireRequest w) {
        boolean acl = w.hasParam("acl");
        boolean versioningGet = w.hasParam("versioning") && w.method().equals("GET");
        boolean location = w.hasParam("location") && w.method().equals("GET");
        if (!acl && !versioningGet && !location) {
            return Optional.empty();
        }
        BucketState b = buckets.get(w.bucket());
        if (b == null) {
            throw new Refusal(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (account(who).filter(b.owner()::equals).isEmpty()) {
            throw Refusal.accessDenied("Access Denied");
        }
        String ns = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
        if (location) {
            return Optional.of(HttpAnswer.xml(200, "<LocationConstraint" + ns + "></LocationConstraint>"));
        }
        if (versioningGet) {
            return Optional.of(HttpAnswer.xml(200, "<VersioningConfiguration" + ns + ">"
                    + b.versioning().map(s -> Xml.el("Status", s)).orElse("") + "</VersioningConfiguration>"));
        }
        String objectKey = w.bucket() + "/" + w.key();
        if (w.method().equals("PUT")) {
            Canned c = Canned.parse(w.header("x-amz-acl"));
            if (w.key().isEmpty()) {
                buckets.put(w.bucket(), new BucketState(b.owner(), c, b.versioning()));
            } else {
                objects.put(objectKey, c);
            }
            return Optional.of(HttpAnswer.empty(200));
        }
        Canned c = w.key().isEmpty() ? b.acl() : objects.getOrDefault(objectKey, Canned.PRIVATE);
        StringBuilder x = new StringBuilder("<AccessControlPolicy" + ns + "><Owner>" + Xml.el("ID", b.owner())
                + "</Owner><AccessControlList>" + grant("CanonicalUser", b.owner(), "FULL_CONTROL"));
        if (c != Canned.PRIVATE) {
            x.append(grant("Group", "http://acs.amazonaws.com/groups/global/AllUsers", "READ"));
        }
        if (c == Canned.PUBLIC_READ_WRITE) {
            x.append(grant("Group", "http://acs.amazonaws.com/groups/global/AllUsers", "WRITE"));
        }
        return Optional.of(HttpAnswer.xml(200, x.append("</AccessControlList></AccessControlPolicy>").toString()));
    }

    private static String grant(String type, String who, String permission) {
        String grantee = type.equals("Group") ? Xml.el("URI", who) : Xml.el("ID", who);
        return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"" + type + "\">"
                + grantee + "</Grantee>" + Xml.el("Permission", permission) + "</Grant>";
    }

    /** True if {@code account} owns {@code bucket} (ListBuckets shows a caller its own). */
    public synchronized boolean owns(String account, String bucket) {
        BucketState b = buckets.get(bucket);
        return b != null && b.owner().equals(account);
    }

    static Optional<String> account(Principal who) {
        return who instanceof Principal.Account a ? Optional.of(a.account()) : Optional.empty();
    }
}

package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.Xml;
import org.apiguardian.api.API;

/**
 * Who owns the objects written into a bucket (FIDELITY A16.7). {@code BucketOwnerEnforced}, the
 * default for new buckets, disables ACLs: the bucket's owner owns every object, and a request that
 * sets an ACL other than {@code bucket-owner-full-control} is 400 AccessControlListNotSupported.
 * {@code BucketOwnerPreferred} gives the bucket owner the objects written with
 * {@code bucket-owner-full-control}; {@code ObjectWriter} leaves each object to the account that
 * wrote it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"), BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"), OBJECT_WRITER("ObjectWriter");

    private final String text;

    ObjectOwnership(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean aclsDisabled() {
        return this == BUCKET_OWNER_ENFORCED;
    }

    /** {@code x-amz-object-ownership} or the ObjectOwnership element; anything else is 400 InvalidArgument. */
    public static ObjectOwnership parse(String value) {
        for (ObjectOwnership o : values()) {
            if (o.text.equals(value.trim())) {
                return o;
            }
        }
        throw new Refusal(400, "InvalidArgument", "Object Ownership '" + value
                + "' is not one of BucketOwnerEnforced, BucketOwnerPreferred, ObjectWriter");
    }

    /** {@code PUT ?ownershipControls}: {@code <OwnershipControls><Rule><ObjectOwnership>...}. */
    public static ObjectOwnership fromXml(byte[] body) {
        var rules = Xml.children(Xml.parse(body), "Rule");
        if (rules.size() != 1) {
            throw Refusal.malformedXml();
        }
        return parse(Xml.text(rules.get(0), "ObjectOwnership"));
    }

    public String toXml() {
        return "<OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>" + Xml.el("ObjectOwnership", text)
                + "</Rule></OwnershipControls>";
    }

    /** 400 AccessControlListNotSupported, the answer to an ACL on a bucket whose ACLs are disabled. */
    public static Refusal aclsNotSupported() {
        return new Refusal(400, "AccessControlListNotSupported", "The bucket does not allow ACLs");
    }
}

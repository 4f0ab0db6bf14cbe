package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.Xml;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * A bucket's Block Public Access settings (FIDELITY A16.8), all four on for a new bucket:
 * BlockPublicAcls refuses a request that would set a public ACL (403 AccessDenied);
 * IgnorePublicAcls makes grants to AllUsers and AuthenticatedUsers count for nothing;
 * BlockPublicPolicy refuses a public bucket policy (403 AccessDenied); RestrictPublicBuckets lets
 * only the bucket owner's account use a public policy.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {
    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);
    public static final PublicAccessBlock OFF = new PublicAccessBlock(false, false, false, false);

    /** {@code PUT ?publicAccessBlock}: a missing element is false, as in S3. */
    public static PublicAccessBlock fromXml(byte[] body) {
        Element root = Xml.parse(body);
        if (!Xml.localName(root).equals("PublicAccessBlockConfiguration")) {
            throw Refusal.malformedXml();
        }
        return new PublicAccessBlock(flag(root, "BlockPublicAcls"), flag(root, "IgnorePublicAcls"),
                flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets"));
    }

    private static boolean flag(Element root, String name) {
        String t = Xml.text(root, name);
        if (!t.isEmpty() && !t.equals("true") && !t.equals("false")) {
            throw Refusal.malformedXml();
        }
        return t.equals("true");
    }

    public String toXml() {
        return "<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + Xml.el("BlockPublicAcls", String.valueOf(blockPublicAcls)) + Xml.el("IgnorePublicAcls", String.valueOf(ignorePublicAcls))
                + Xml.el("BlockPublicPolicy", String.valueOf(blockPublicPolicy))
                + Xml.el("RestrictPublicBuckets", String.valueOf(restrictPublicBuckets)) + "</PublicAccessBlockConfiguration>";
    }
}

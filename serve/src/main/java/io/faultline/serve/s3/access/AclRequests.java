package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * Reads the ACL a request asks for (FIDELITY A16.6): a canned ACL in {@code x-amz-acl}, explicit
 * grants in {@code x-amz-grant-read} and its siblings ({@code id="account"} or
 * {@code uri="group"}, comma-separated), or, on {@code PUT ?acl}, an {@code AccessControlPolicy}
 * document. A canned ACL and grant headers together are 400 InvalidRequest, as in S3. Writes the
 * {@code AccessControlPolicy} document {@code GET ?acl} answers.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AclRequests {
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private AclRequests() {
    }

    /** True if the request names an ACL in its headers. */
    public static boolean namesAcl(WireRequest w) {
        return w.header("x-amz-acl").isPresent() || grantHeaders(w).size() > 0;
    }

    /** The canned ACL the request names, if it names one. */
    public static Optional<CannedAcl> canned(WireRequest w) {
        return w.header("x-amz-acl").map(CannedAcl::parse);
    }

    /** The ACL from the request's headers, on a resource {@code owner} owns in a bucket of {@code bucketOwner}. */
    public static Acl fromHeaders(WireRequest w, String owner, String bucketOwner) {
        List<Grant> grants = grantHeaders(w);
        Optional<CannedAcl> canned = canned(w);
        if (canned.isPresent() && !grants.isEmpty()) {
            throw new Refusal(400, "InvalidRequest", "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (grants.isEmpty()) {
            return canned.orElse(CannedAcl.PRIVATE).toAcl(owner, bucketOwner);
        }
        return new Acl(owner, grants);
    }

    private static List<Grant> grantHeaders(WireRequest w) {
        List<Grant> out = new ArrayList<>();
        for (Permission p : Permission.values()) {
            Optional<String> h = w.header(p.header());
            if (h.isEmpty()) {
                continue;
            }
            for (String one : h.get().split(",")) {
                String[] kv = one.trim().split("=", 2);
                if (kv.length != 2) {
                    throw new Refusal(400, "InvalidArgument", p.header() + ": '" + one.trim() + "' is not id=\"...\" or uri=\"...\"");
                }
                String value = kv[1].trim().replace("\"", "");
                out.add(new Grant(switch (kv[0].trim()) {
                    case "id" -> new Grantee.Account(value);
                    case "uri" -> Grantee.group(value);
                    default -> throw new Refusal(400, "InvalidArgument", p.header() + ": grantee type '" + kv[0].trim()
                            + "' is not id or uri (e-mail grantees are not served)");
                }, p));
            }
        }
        return out;
    }

    /** An {@code AccessControlPolicy} document; its Owner must be the resource's owner (else 403 AccessDenied). */
    public static Acl fromXml(byte[] body, String owner) {
        Element root = Xml.parse(body);
        List<Element> owners = Xml.children(root, "Owner");
        if (!owners.isEmpty() && !Xml.text(owners.get(0), "ID").equals(owner)) {
            throw Refusal.accessDenied("The Owner of an ACL cannot be changed");
        }
        List<Element> lists = Xml.children(root, "AccessControlList");
        if (lists.isEmpty()) {
            throw Refusal.malformedXml();
        }
        List<Grant> grants = new ArrayList<>();
        for (Element g : Xml.children(lists.get(0), "Grant")) {
            List<Element> grantee = Xml.children(g, "Grantee");
            if (grantee.isEmpty()) {
                throw Refusal.malformedXml();
            }
            Element e = grantee.get(0);
            Grantee who = !Xml.text(e, "URI").isEmpty() ? Grantee.group(Xml.text(e, "URI"))
                    : !Xml.text(e, "ID").isEmpty() ? new Grantee.Account(Xml.text(e, "ID")) : null;
            if (who == null) {
                throw Refusal.malformedXml();
            }
            grants.add(new Grant(who, permission(Xml.text(g, "Permission"))));
        }
        return new Acl(owner, grants);
    }

    private static Permission permission(String text) {
        for (Permission p : Permission.values()) {
            if (p.name().equals(text)) {
                return p;
            }
        }
        throw Refusal.malformedXml();
    }

    /** The document {@code GET ?acl} answers. */
    public static String toXml(Acl acl) {
        StringBuilder x = new StringBuilder("<AccessControlPolicy" + NS + "><Owner>" + Xml.el("ID", acl.owner())
                + Xml.el("DisplayName", acl.owner()) + "</Owner><AccessControlList>");
        for (Grant g : acl.grants()) {
            String type = g.grantee() instanceof Grantee.Account ? "CanonicalUser" : "Group";
            String id = g.grantee() instanceof Grantee.Account a ? Xml.el("ID", a.id())
                    : Xml.el("URI", g.grantee() instanceof Grantee.AllUsers ? Grantee.ALL_USERS : Grantee.AUTHENTICATED_USERS);
            x.append("<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"").append(type)
                    .append("\">").append(id).append("</Grantee>").append(Xml.el("Permission", g.permission().name())).append("</Grant>");
        }
        return x.append("</AccessControlList></AccessControlPolicy>").toString();
    }
}

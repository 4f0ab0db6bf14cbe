package io.faultline.serve.s3.access;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** An access control list: the resource's owner and its grants (FIDELITY A16.6). */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Acl(String owner, List<Grant> grants) {
    public Acl {
        grants = List.copyOf(grants);
    }

    /** Private: the owner's FULL_CONTROL and nothing else, what every new bucket and object gets. */
    public static Acl privateTo(String owner) {
        return CannedAcl.PRIVATE.toAcl(owner, owner);
    }

    /**
     * True if a grant gives {@code wanted} to the caller; with {@code ignorePublic} (Block Public
     * Access's IgnorePublicAcls) grants to AllUsers and AuthenticatedUsers count for nothing.
     */
    public boolean allows(Optional<String> account, Permission wanted, boolean ignorePublic) {
        return grants.stream().anyMatch(g -> g.permission().covers(wanted) && g.grantee().includes(account)
                && !(ignorePublic && g.grantee().isPublic()));
    }

    /** True if any grant names AllUsers or AuthenticatedUsers. */
    public boolean isPublic() {
        return grants.stream().anyMatch(g -> g.grantee().isPublic());
    }
}

package io.faultline.serve.s3.access;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whom a grant names (FIDELITY A16.5): one account (a canonical user), everyone including
 * anonymous callers (the AllUsers group), or any signed request of any account (the
 * AuthenticatedUsers group). The two groups are what makes an ACL public.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface Grantee {
    String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /** One account, by its canonical id (here, the account name of the credentials file). */
    record Account(String id) implements Grantee {
    }

    /** Everyone, signed or not. */
    record AllUsers() implements Grantee {
    }

    /** Every signed request, of any account. */
    record AuthenticatedUsers() implements Grantee {
    }

    /** True if this grantee includes the caller ({@code account} empty for an anonymous one). */
    default boolean includes(Optional<String> account) {
        if (this instanceof AllUsers) {
            return true;
        }
        if (this instanceof AuthenticatedUsers) {
            return account.isPresent();
        }
        return account.filter(((Account) this).id()::equals).isPresent();
    }

    default boolean isPublic() {
        return !(this instanceof Account);
    }

    /** A group by its URI; an unknown group is 400 InvalidArgument. */
    static Grantee group(String uri) {
        return switch (uri.trim()) {
            case ALL_USERS -> new AllUsers();
            case AUTHENTICATED_USERS -> new AuthenticatedUsers();
            default -> throw new io.faultline.serve.s3.http.Refusal(400, "InvalidArgument",
                    "Invalid group uri '" + uri + "': only AllUsers and AuthenticatedUsers are groups here");
        };
    }
}

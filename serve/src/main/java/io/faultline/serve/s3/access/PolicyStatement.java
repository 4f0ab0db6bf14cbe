package io.faultline.serve.s3.access;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One statement of a bucket policy: Allow or Deny, for principals ({@code *} is everyone, else
 * account ids), actions and resource ARNs (both with wildcards), under conditions that must all
 * hold.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record PolicyStatement(boolean allow, List<String> principals, List<String> actions, List<String> resources,
                              List<PolicyCondition> conditions) {
    public PolicyStatement {
        principals = List.copyOf(principals);
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    public boolean applies(RequestContext c) {
        boolean who = principals.contains("*") || c.account().filter(principals::contains).isPresent();
        return who && actions.stream().anyMatch(a -> Wildcard.matches(a, c.action(), true))
                && resources.stream().anyMatch(r -> Wildcard.matches(r, c.resource(), false))
                && conditions.stream().allMatch(k -> k.holds(c));
    }

    /** Public, in Block Public Access's sense: it allows everyone, and no condition narrows it. */
    public boolean isPublic() {
        return allow && principals.contains("*") && conditions.isEmpty();
    }
}

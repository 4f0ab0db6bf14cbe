package io.faultline.serve.s3.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faultline.serve.s3.http.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A bucket policy in the subset of the IAM policy language served (FIDELITY A16.9): Version,
 * Statement with Effect, Principal ({@code "*"}, {@code {"AWS": "*"}}, account ids or
 * {@code arn:aws:iam::ACCOUNT:root}), Action and Resource with wildcards, and Condition. An
 * explicit Deny that applies wins over every Allow; without an Allow the policy says nothing and the
 * ACLs decide. NotPrincipal, NotAction and NotResource are 400 MalformedPolicy.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record BucketPolicy(String document, List<PolicyStatement> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BYTES = 20 * 1024;

    /** What a policy says about a request. */
    public enum Verdict { ALLOW, DENY, SILENT }

    public BucketPolicy {
        statements = List.copyOf(statements);
    }

    public Verdict evaluate(RequestContext c) {
        boolean allowed = false;
        for (PolicyStatement s : statements) {
            if (s.applies(c)) {
                if (!s.allow()) {
                    return Verdict.DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Verdict.ALLOW : Verdict.SILENT;
    }

    public boolean isPublic() {
        return statements.stream().anyMatch(PolicyStatement::isPublic);
    }

    /** Parses {@code PUT ?policy}'s body; every resource must be in {@code bucket} (else MalformedPolicy). */
    public static BucketPolicy parse(byte[] body, String bucket) {
        if (body.length > MAX_BYTES) {
            throw malformed("Policies must be at most 20 KB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed("Policies must be valid JSON");
        } catch (java.io.IOException e) {
            throw malformed("Policies must be valid JSON");
        }
        if (root == null || !root.isObject() || !root.has("Statement")) {
            throw malformed("Missing required field Statement");
        }
        List<PolicyStatement> out = new ArrayList<>();
        JsonNode st = root.get("Statement");
        for (JsonNode s : st.isArray() ? st : List.of(st)) {
            out.add(statement(s, bucket));
        }
        return new BucketPolicy(new String(body, StandardCharsets.UTF_8), out);
    }

    private static PolicyStatement statement(JsonNode s, String bucket) {
        for (String unserved : List.of("NotPrincipal", "NotAction", "NotResource")) {
            if (s.has(unserved)) {
                throw malformed(unserved + " is not served (Principal, Action and Resource are)");
            }
        }
        String effect = s.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw malformed("Invalid effect: '" + effect + "' (Allow or Deny)");
        }
        List<String> actions = strings(s.get("Action"), "Action");
        for (String a : actions) {
            if (!a.equals("*") && !a.toLowerCase(java.util.Locale.ROOT).startsWith("s3:")) {
                throw malformed("Policy has invalid action: " + a);
            }
        }
        List<String> resources = strings(s.get("Resource"), "Resource");
        for (String r : resources) {
            if (!r.equals("arn:aws:s3:::" + bucket) && !r.startsWith("arn:aws:s3:::" + bucket + "/")) {
                throw malformed("Policy has invalid resource: " + r + " (not in bucket " + bucket + ")");
            }
        }
        return new PolicyStatement(effect.equals("Allow"), principals(s.get("Principal")), actions, resources, conditions(s.get("Condition")));
    }

    private static List<String> principals(JsonNode p) {
        if (p == null) {
            throw malformed("Missing required field Principal");
        }
        if (p.isTextual()) {
            if (!p.asText().equals("*")) {
                throw malformed("Invalid principal in policy: " + p.asText());
            }
            return List.of("*");
        }
        List<String> out = new ArrayList<>();
        for (String a : strings(p.get("AWS"), "Principal.AWS")) {
            String arnPrefix = "arn:aws:iam::";
            if (a.startsWith(arnPrefix) && a.endsWith(":root")) {
                out.add(a.substring(arnPrefix.length(), a.length() - ":root".length()));
            } else if (a.startsWith(arnPrefix)) {
                throw malformed("Invalid principal in policy: " + a + " (accounts only: ID or arn:aws:iam::ID:root)");
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static List<PolicyCondition> conditions(JsonNode c) {
        List<PolicyCondition> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> ops = c.fields();
        while (ops.hasNext()) {
            Map.Entry<String, JsonNode> op = ops.next();
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> k = keys.next();
                out.add(new PolicyCondition(op.getKey(), k.getKey(), strings(k.getValue(), op.getKey())));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode n, String field) {
        if (n == null) {
            throw malformed("Missing required field " + field);
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n.isValueNode()) {
            out.add(n.asText());
        } else {
            throw malformed(field + " must be a string or a list of strings");
        }
        if (out.isEmpty()) {
            throw malformed(field + " is empty");
        }
        return out;
    }

    private static Refusal malformed(String why) {
        return new Refusal(400, "MalformedPolicy", why);
    }
}

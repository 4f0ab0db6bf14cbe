package io.faultline.serve.s3.access;

import io.faultline.serve.s3.http.Refusal;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One condition of a policy statement (FIDELITY A16.9): an operator, a key and the values it is
 * compared with. Served operators: StringEquals, StringNotEquals, StringEqualsIgnoreCase,
 * StringLike, StringNotLike, Bool and Null. As in IAM, several values are ORed; a key the request
 * does not carry fails every operator but the negated ones (and Null).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record PolicyCondition(String operator, String key, List<String> values) {
    static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringLike", "StringNotLike", "Bool", "Null");

    public PolicyCondition {
        values = List.copyOf(values);
        if (!OPERATORS.contains(operator)) {
            throw new Refusal(400, "MalformedPolicy", "Invalid Condition type: " + operator + " (served: "
                    + String.join(", ", OPERATORS) + ")");
        }
    }

    public boolean holds(RequestContext c) {
        Optional<List<String>> actual = c.key(key);
        if (operator.equals("Null")) {
            return values.contains(String.valueOf(actual.isEmpty()));
        }
        if (actual.isEmpty()) {
            return operator.contains("Not");
        }
        boolean any = actual.get().stream().anyMatch(a -> values.stream().anyMatch(v -> match(v, a)));
        return operator.contains("Not") ? !any : any;
    }

    private boolean match(String expected, String actual) {
        return switch (operator) {
            case "StringEquals", "StringNotEquals", "Bool" -> expected.equals(actual);
            case "StringEqualsIgnoreCase" -> expected.equalsIgnoreCase(actual);
            default -> Wildcard.matches(expected, actual, false);
        };
    }
}

package io.faultline.faults.byteman;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One Byteman rule, as a value: where it fires ({@code targetClass}, {@code targetMethod}, always at
 * the method's entry), when ({@code condition}, a Byteman expression over the arguments {@code $1},
 * {@code $2}, ...; plus an optional number of calls to let through first) and what it does
 * ({@code action}). Build rules with {@link Rules}; this record only renders them.
 *
 * <pre>{@code
 * Rule r = Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "disk gone")
 *         .onlyWhen("$1 == 7")       // only for calls whose first argument is 7
 *         .onlyAfterCalls(2);        // ... and only from the 3rd such call on
 * String text = r.text("my-rule");   // Byteman rule text, as Byteman.install submits it
 * }</pre>
 *
 * @param kind         which catalog entry made the rule (used in rule names and messages)
 * @param targetClass  fully qualified binary name of the class to inject into
 * @param targetMethod method name with parameter types, e.g. {@code "write(int)"}
 * @param condition    Byteman condition over the arguments; {@code "true"} for every call
 * @param skipCalls    number of matching calls to let through before the rule fires (0: fire at once)
 * @param action       Byteman action, e.g. {@code throw new java.io.IOException("x")}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Rule(String kind, String targetClass, String targetMethod, String condition, int skipCalls,
                   String action) {

    public Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetClass, "targetClass");
        Objects.requireNonNull(targetMethod, "targetMethod");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(action, "action");
        if (skipCalls < 0) {
            throw new IllegalArgumentException("skipCalls must be >= 0, got " + skipCalls);
        }
    }

    /** This rule, firing only for calls where the Byteman expression {@code argumentCondition} holds. */
    public Rule onlyWhen(String argumentCondition) {
        String c = condition.equals("true") ? argumentCondition : "(" + condition + ") && (" + argumentCondition + ")";
        return new Rule(kind, targetClass, targetMethod, c, skipCalls, action);
    }

    /**
     * This rule, firing only for calls where field {@code field} of argument {@code argument} equals
     * {@code value}: {@code $0} is the receiver, {@code $1} the first argument. Byteman reads private
     * fields too, which is what makes this useful on code one does not own: e.g. only the fetches of
     * one follower, whose request builder carries its replica id.
     *
     * <pre>{@code
     * Rules.stall(AbstractFetcherThread.class, "processFetchRequest(java.util.Map, ...)", stall)
     *         .onlyWhenArgumentField(2, "replicaId", 1);   // only broker 1's fetcher threads
     * }</pre>
     */
    public Rule onlyWhenArgumentField(int argument, String field, long value) {
        if (argument < 0) {
            throw new IllegalArgumentException("argument must be >= 0 ($0 is the receiver), got " + argument);
        }
        if (field.isEmpty() || !Character.isJavaIdentifierStart(field.charAt(0))
                || !field.chars().allMatch(Character::isJavaIdentifierPart)) {
            throw new IllegalArgumentException("field must be a Java field name, got \"" + field + "\"");
        }
        return onlyWhen("$" + argument + "." + field + " == " + value + "L");
    }

    /** This rule, letting the first {@code calls} matching calls through and firing on every later one. */
    public Rule onlyAfterCalls(int calls) {
        return new Rule(kind, targetClass, targetMethod, condition, calls, action);
    }

    /**
     * The Byteman rule text, named {@code name}. Calls are counted with a Byteman counter keyed by
     * the rule name, so two installs of the same rule count separately; the counter is evaluated last
     * so that only calls matching the argument condition are counted.
     */
    public String text(String name) {
        String when = skipCalls == 0 ? condition
                : "(" + condition + ") && incrementCounter(" + Rules.javaString(name) + ") > " + skipCalls;
        return "RULE " + name + "\n"
                + "CLASS " + targetClass + "\n"
                + "METHOD " + targetMethod + "\n"
                + "AT ENTRY\n"
                + "IF " + when + "\n"
                + "DO " + action + "\n"
                + "ENDRULE\n";
    }
}

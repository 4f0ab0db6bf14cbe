package io.faultline.faults.byteman;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Rules installed in the running JVM; closing it removes them (their methods behave normally again).
 * Closing twice is harmless.
 *
 * <pre>{@code
 * try (Injection i = Byteman.install(Rules.returnEarly(Cache.class, "evict(String)"))) {
 *     cache.evict("k");   // does nothing while the rule is installed
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Injection implements AutoCloseable {
    private final String name;
    private final List<String> ruleTexts;
    private boolean closed;

    Injection(String name, List<String> ruleTexts) {
        this.name = name;
        this.ruleTexts = List.copyOf(ruleTexts);
    }

    /** The Byteman rule text installed, one entry per rule, for logs and failure messages. */
    public List<String> ruleTexts() {
        return ruleTexts;
    }

    /** Removes the rules from the JVM. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Byteman.remove(this);
        }
    }

    String name() {
        return name;
    }
}

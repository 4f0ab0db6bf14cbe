package io.faultline.checker.model;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A lock ({@code mutex}): {@code :acquire} needs it free, {@code :release} needs it held; values
 * are ignored. State: {@code true} when held; default initial state free ({@code false}).
 *
 * <pre>{@code
 * Model<Boolean> m = new MutexModel(false);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class MutexModel implements Model<Boolean> {
    private final boolean initial;

    public MutexModel(boolean initial) {
        this.initial = initial;
    }

    @Override
    public String name() {
        return "mutex";
    }

    @Override
    public Boolean initial() {
        return initial;
    }

    @Override
    public Set<String> functions() {
        return Set.of("acquire", "release");
    }

    @Override
    public Step<Boolean> step(Boolean held, Operation op) {
        boolean acquire = op.f().equals("acquire");
        if (acquire == held) {
            return acquire ? Step.inconsistent(() -> "acquire while the lock was held")
                    : Step.inconsistent(() -> "release while the lock was free");
        }
        return Step.ok(acquire);
    }
}

package io.faultline.junit;

import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One seed as JUnit sees it: a display name ({@code seed 17}) and the extension that runs it. */
final class SeedInvocation implements TestTemplateInvocationContext {
    private final SeedPlan plan;
    private final String name;

    SeedInvocation(SeedPlan plan, String name) {
        this.plan = plan;
        this.name = name;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return name;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new SeedRunner(plan));
    }
}

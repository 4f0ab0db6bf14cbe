package io.faultline.faults.byteman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering and validation, without loading the agent. */
class RuleTextTest {

    @Test
    void rendersThrowWithArgumentConditionAndCallCount() {
        String text = Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "say \"no\"")
                .onlyWhen("$1 == 7").onlyAfterCalls(3).text("r1");
        assertEquals("RULE r1\n"
                + "CLASS io.faultline.faults.byteman.Disk\n"
                + "METHOD write(int)\n"
                + "AT ENTRY\n"
                + "IF ($1 == 7) && incrementCounter(\"r1\") > 3\n"
                + "DO throw new java.io.IOException(\"say \\\"no\\\"\")\n"
                + "ENDRULE\n", text);
    }

    @Test
    void fieldConditionNamesABadFieldAndRendersALongComparison() {
        Rule r = Rules.returnEarly(Disk.class, "submit(Disk$Request)");
        assertEquals("$1.owner == 2L", r.onlyWhenArgumentField(1, "owner", 2).condition());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.onlyWhenArgumentField(1, "owner == 2 || true", 2));
        assertEquals("field must be a Java field name, got \"owner == 2 || true\"", e.getMessage());
    }

    @Test
    void unknownMethodIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rules.returnEarly(Disk.class, "wrtie(int)"));
        assertEquals("io.faultline.faults.byteman.Disk declares no method named \"wrtie\"", e.getMessage());
    }

    @Test
    void unrenderableReturnValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rules.returnValue(Disk.class, "label()", new Object()));
        assertTrue(e.getMessage().contains("not java.lang.Object"), e.getMessage());
    }

    @Test
    void installWithoutRulesIsRefused() {
        assertThrows(IllegalArgumentException.class, Byteman::install);
    }

    @Test
    void missingAttachFlagIsExplained() {
        // The exception BMUnit surfaces when the JVM lacks -Djdk.attach.allowAttachSelf=true.
        Exception failure = new Exception("agent load failed", new IOException("Can not attach to current VM"));
        IllegalStateException e = Byteman.explain(failure, List.of());
        assertTrue(e.getMessage().contains("-Djdk.attach.allowAttachSelf=true"), e.getMessage());
    }
}

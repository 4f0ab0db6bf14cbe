package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/** A bare {@code list} skips picocli (start-up time): it must print what picocli's {@code list} prints. */
class BareListTest {
    @Test
    void aBareListPrintsWhatPicocliPrints() {
        String[] bare = captured(() -> Main.execute("list"));
        String[] picocli = captured(() -> Main.commandLine("list").execute("list"));
        assertEquals("0", bare[0]);
        assertEquals(picocli[0], bare[0]);
        assertEquals(picocli[1], bare[1]);
        assertTrue(bare[1].contains("demo/echo  "), bare[1]);
    }

    @Test
    void listWithAnythingMoreStillGoesThroughPicocli() {
        String[] help = captured(() -> Main.execute("list", "--help"));
        assertEquals("0", help[0]);
        assertTrue(help[1].startsWith("Usage: faultline list"), help[1]);
        assertEquals("2", captured(() -> Main.execute("list", "extra"))[0], "an unexpected argument is bad input");
    }

    /** The exit code and standard output of {@code command}. */
    private static synchronized String[] captured(IntSupplier command) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            int code = command.getAsInt();
            System.out.flush();
            return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

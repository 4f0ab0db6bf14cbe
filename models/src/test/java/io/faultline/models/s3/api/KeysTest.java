package io.faultline.models.s3.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FIDELITY A5 (UTF-8 binary order) and A2 (key length). */
class KeysTest {

    @Test
    void orderIsUtf8BinaryNotUtf16_A5() {
        String bmpHigh = "\uFF21";                 // FULLWIDTH A, UTF-8 0xEF 0xBC 0xA1
        String astral = new String(Character.toChars(0x1F600)); // emoji, UTF-8 F0 9F 98 80
        // UTF-16 puts the surrogate pair (D83D..) before U+FF21; UTF-8 puts it after.
        assertTrue(astral.compareTo(bmpHigh) < 0);
        assertTrue(Keys.ORDER.compare(astral, bmpHigh) > 0);
    }

    @Test
    void orderAgreesWithUnsignedUtf8BytesOnAMix_A5() {
        List<String> keys = new ArrayList<>(List.of("a", "B", "é", "\uFF21", new String(Character.toChars(0x1F600)),
                "a/b", "a-b", "", "\u007F", "\u0080"));
        List<String> byBytes = new ArrayList<>(keys);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        keys.sort(Keys.ORDER);
        assertEquals(byBytes, keys);
    }

    @Test
    void keysAreAtMost1024Utf8Bytes_A2() {
        assertTrue(Keys.validate("x".repeat(1024)).isEmpty());
        assertEquals(S3Error.KEY_TOO_LONG, Keys.validate("x".repeat(1025)).orElseThrow().error());
        // 342 three-byte characters = 1026 bytes although only 342 chars.
        assertEquals(S3Error.KEY_TOO_LONG, Keys.validate("\u20AC".repeat(342)).orElseThrow().error());
        assertEquals(S3Error.INVALID_ARGUMENT, Keys.validate("").orElseThrow().error());
    }
}

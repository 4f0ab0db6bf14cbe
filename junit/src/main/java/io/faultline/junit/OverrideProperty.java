package io.faultline.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** A {@code -D} property that overrides a number of the annotations, read and checked one way. */
final class OverrideProperty {
    private OverrideProperty() {
    }

    /**
     * The property's whole number in {@code [min, max]}, or {@code fallback} when it is unset or
     * blank; anything else is a configuration error that quotes it and says what is {@code allowed}.
     */
    static long read(String property, long min, long max, long fallback, String allowed) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new ExtensionConfigurationException("-D" + property + "=" + text + ": " + allowed);
    }
}

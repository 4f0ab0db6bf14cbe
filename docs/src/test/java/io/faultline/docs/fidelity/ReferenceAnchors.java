package io.faultline.docs.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors the fidelity reference defines: a line {@code [[id]]} whose id is a part letter, a rule
 * id or a modelling choice. An anchor is "documented, not modelled" when the text from it to the
 * next anchor holds the line {@value #NOT_MODELLED}.
 */
final class ReferenceAnchors {
    static final String NOT_MODELLED = "_Documented, not modelled._";

    private static final Pattern ANCHOR = Pattern.compile(
            "^\\[\\[([A-F](?:[1-9][0-9]*(?:\\.[1-9][0-9]*)*)?|M[1-9][0-9]*)]]\\s*$");

    /** Anchor id to whether it is marked documented, not modelled; in the order read. */
    private final Map<String, Boolean> anchors = new LinkedHashMap<>();

    /** Reads one page of the reference; an id defined twice is an error. */
    void read(String page, String text) {
        String current = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = ANCHOR.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                if (anchors.putIfAbsent(current, false) != null) {
                    throw new IllegalArgumentException(page + ": anchor " + current + " is defined twice");
                }
            } else if (current != null && line.strip().equals(NOT_MODELLED)) {
                anchors.put(current, true);
            }
        }
    }

    Set<String> ids() {
        return new TreeSet<>(anchors.keySet());
    }

    boolean defines(String id) {
        return anchors.containsKey(id);
    }

    boolean notModelled(String id) {
        return anchors.getOrDefault(id, false);
    }
}

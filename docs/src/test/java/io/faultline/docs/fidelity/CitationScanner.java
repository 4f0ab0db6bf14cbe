package io.faultline.docs.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fidelity citations in one source text, following the grammar stated on the reference's
 * first page (fidelity.adoc, "How code and pages cite the reference"): rule ids as tokens of their
 * own, numbered modelling-choice tags in brackets, and "part" plus a letter right after the prefix.
 * Two forms are strays: the prefix with no citation after it, and a choice tag without its number.
 * (No example citations here: this file is scanned like every other.)
 */
final class CitationScanner {
    /** Written in two pieces so that this file does not read as a stray prefix to the scanner itself. */
    static final String PREFIX = "FIDEL" + "ITY";

    private static final Pattern RULE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_+.\\\\])[A-F][1-9][0-9]*(?:\\.[1-9][0-9]*)*(?![\\p{L}\\p{N}_]|\\.[0-9])");
    private static final Pattern CHOICE = Pattern.compile("\\[(M[1-9][0-9]*)\\]");
    private static final Pattern BARE_CHOICE = Pattern.compile("\\[M\\]");
    /** The prefix, then blanks and comment leaders (a citation may wrap to the next comment line). */
    private static final Pattern PREFIXED = Pattern.compile(
            "\\b" + PREFIX + "\\b(?:[\\s*/]|&nbsp;)*(part ([A-F])\\b|\\[M[1-9]|[A-F][1-9])?");

    /** The citations and strays of {@code text}, the content of {@code file}, in order of position. */
    List<Finding> scan(String file, String text) {
        List<Finding> out = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            out.add(new Finding.Citation(file, lineOf(lineStarts, m.start()), m.group()));
        }
        m = CHOICE.matcher(text);
        while (m.find()) {
            out.add(new Finding.Citation(file, lineOf(lineStarts, m.start()), m.group(1)));
        }
        m = BARE_CHOICE.matcher(text);
        while (m.find()) {
            out.add(new Finding.Stray(file, lineOf(lineStarts, m.start()), "modelling-choice tag without the number of its choice"));
        }
        m = PREFIXED.matcher(text);
        while (m.find()) {
            int line = lineOf(lineStarts, m.start());
            if (m.group(1) == null) {
                out.add(new Finding.Stray(file, line, PREFIX + " not followed by an anchor"));
            } else if (m.group(2) != null) {
                out.add(new Finding.Citation(file, line, m.group(2)));
            }
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** 1-based line of {@code offset}. */
    private static int lineOf(int[] lineStarts, int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }
}

package io.faultline.docs.commands;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code ./faultline ...} line shown in the README or a docs chapter, with what its text implies.
 *
 * <p>The convention, read from the line's trailing {@code #} comment:
 * <ul>
 *   <li>no marker: the command must exit 0;</li>
 *   <li>{@code (exit N)} anywhere in the comment: it must exit N, e.g.
 *       {@code # INVALID: a stale read (exit 1)};</li>
 *   <li>{@code not run by the build: REASON} starting the comment: the build lists it as skipped
 *       with its reason (for commands that take minutes); the reason is required.</li>
 * </ul>
 * A comment that says {@code INVALID} without {@code (exit 1)} is an error in the text, not a skip.
 */
record DocCommand(String source, int line, String text, List<String> args, int expectedExit,
        Optional<String> skipReason) {

    private static final Pattern EXIT = Pattern.compile("\\(exit (\\d)\\)");
    private static final String SKIP = "not run by the build:";

    /** Parses a line that starts with {@code ./faultline }; throws on a line that breaks the convention. */
    static DocCommand parse(String source, int line, String text) {
        int hash = text.indexOf(" #");
        String command = (hash < 0 ? text : text.substring(0, hash)).strip();
        String comment = hash < 0 ? "" : text.substring(hash + 2).strip();
        if (command.contains("\"") || command.contains("'") || command.contains("\\")) {
            throw new IllegalArgumentException(where(source, line) + "quotes and escapes are not supported: " + text);
        }
        List<String> words = List.of(command.split("\\s+"));
        List<String> args = words.subList(1, words.size());
        Optional<String> skip = Optional.empty();
        if (comment.startsWith(SKIP)) {
            String reason = comment.substring(SKIP.length()).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException(where(source, line) + "'" + SKIP + "' needs a reason: " + text);
            }
            skip = Optional.of(reason);
        }
        Matcher m = EXIT.matcher(comment);
        int exit = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (comment.contains("INVALID") && exit != 1) {
            throw new IllegalArgumentException(where(source, line) + "says INVALID but does not declare (exit 1): " + text);
        }
        return new DocCommand(source, line, command, args, exit, skip);
    }

    private static String where(String source, int line) {
        return source + ":" + line + ": ";
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + text;
    }
}

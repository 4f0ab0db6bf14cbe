package io.faultline.checker.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

/**
 * Reads Jepsen's log lines as kept in Porcupine's etcd test data:
 * {@code INFO  jepsen.util - <process>\t:<type>\t:<f>\t<value>} (tabs, or spaces in some files), where the value is EDN ({@code nil},
 * an integer, {@code [old new]} for a cas, {@code :timed-out} on an info). Lines without
 * {@code jepsen.util - } are other log output and are skipped; a {@code :nemesis} process is skipped
 * too. The log has no times: ops are ordered by line.
 *
 * <p>A logger writes whole lines, so a last line without its newline means the file was cut short
 * (a copy interrupted, a log still being written): it is an error, not skipped, since the cut may
 * have changed a value ({@code 12} cut to {@code 1}) or dropped an op without a trace.
 */
final class PorcupineLogReader {
    static final String MARKER = "jepsen.util - ";

    private PorcupineLogReader() {
    }

    static HistoryFile read(String source, String text) throws HistoryFormatException {
        List<Op> ops = new ArrayList<>();
        List<SourcePosition> positions = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNo++;
            if (end < 0) {
                if (!text.substring(start).isBlank()) {
                    throw new HistoryFormatException(source, lineNo, text.length() - start + 1,
                            "the last line ends without a newline: the log looks cut short here"
                            + " (Jepsen writes whole lines); check that the file is complete");
                }
                end = text.length();
            }
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            int m = line.indexOf(MARKER);
            if (m < 0) {
                continue;
            }
            Optional<Op> op = parseLine(source, lineNo, line, m + MARKER.length(), ops.size());
            if (op.isPresent()) {
                ops.add(op.get());
                positions.add(new SourcePosition(lineNo, 1));
            }
        }
        return new HistoryFile(source, HistoryFormat.PORCUPINE_ETCD, History.of(ops), positions);
    }

    private static Optional<Op> parseLine(String source, int lineNo, String line, int from, int index)
            throws HistoryFormatException {
        // Fields are separated by tabs in most files and by runs of spaces in some; the value
        // (e.g. "[1 2]") is the rest of the line.
        int[] starts = new int[4];
        String[] fields = new String[4];
        int pos = from;
        for (int i = 0; i < 4; i++) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos == line.length()) {
                throw new HistoryFormatException(source, lineNo, pos + 1,
                        "expected 4 fields after '" + MARKER.strip() + "': <process> :<type> :<f> <value>, found " + i);
            }
            int end = pos;
            while (i < 3 && end < line.length() && !Character.isWhitespace(line.charAt(end))) {
                end++;
            }
            starts[i] = pos;
            fields[i] = i < 3 ? line.substring(pos, end) : line.substring(pos).strip();
            pos = end;
        }
        if (fields[0].equals(":nemesis")) {
            return Optional.empty();
        }
        int process;
        try {
            process = Integer.parseInt(fields[0]);
        } catch (NumberFormatException e) {
            throw new HistoryFormatException(source, lineNo, starts[0] + 1,
                    "process must be an integer or :nemesis, found '" + fields[0] + "'");
        }
        Optional<OpType> type = fields[1].startsWith(":")
                ? OpType.fromKeyword(fields[1].substring(1))
                : Optional.empty();
        if (type.isEmpty()) {
            throw new HistoryFormatException(source, lineNo, starts[1] + 1,
                    "unknown op type '" + fields[1] + "' (allowed: :invoke, :ok, :fail, :info)");
        }
        if (!fields[2].startsWith(":") || fields[2].length() < 2) {
            throw new HistoryFormatException(source, lineNo, starts[2] + 1,
                    ":f must be a keyword such as :read, found '" + fields[2] + "'");
        }
        Value value = value(source, lineNo, starts[3], line.substring(starts[3]));
        return Optional.of(new Op(index, process, type.get(), fields[2].substring(1), value,
                java.util.OptionalLong.empty()));
    }

    private static Value value(String source, int lineNo, int start, String text) throws HistoryFormatException {
        String t = text.strip();
        // The two common cases skip the EDN parser; everything else goes through it.
        if (t.equals("nil")) {
            return Value.NIL;
        }
        if (!t.isEmpty() && t.length() < 19 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Value.of(Long.parseLong(t));
        }
        try {
            return EdnValues.parse(source, text);
        } catch (HistoryFormatException e) {
            // The value sits on one line: shift its column to where it starts in this line.
            throw new HistoryFormatException(source, lineNo, start + e.column(), e.reason());
        }
    }
}

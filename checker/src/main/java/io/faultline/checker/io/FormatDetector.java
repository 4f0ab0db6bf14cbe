package io.faultline.checker.io;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Tells a history's format from its first characters: {@code {"} starts JSON Lines, {@code [ ( ; #}
 * or {@code {:} start EDN (Porcupine's kv files if the first map has a {@code :key}), and a text with
 * Jepsen's {@code jepsen.util - } log lines is a Porcupine etcd log. An empty text reads as EDN (an
 * empty history in any format).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FormatDetector {
    private static final Pattern KV_KEY = Pattern.compile("[{,\\s]:key[\\s,]");

    private FormatDetector() {
    }

    /** The format of {@code text}; {@code source} names the file in the error. */
    public static HistoryFormat detect(String source, String text) throws HistoryFormatException {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == text.length()) {
            return HistoryFormat.EDN;
        }
        char c = text.charAt(i);
        if (c == '[' || c == '(' || c == ';' || c == '#') {
            return HistoryFormat.EDN;
        }
        if (c == '{') {
            int j = i + 1;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '"') {
                return HistoryFormat.JSONL;
            }
            int eol = text.indexOf('\n', i);
            String firstLine = text.substring(i, eol < 0 ? text.length() : eol);
            return KV_KEY.matcher(firstLine).find() ? HistoryFormat.PORCUPINE_KV : HistoryFormat.EDN;
        }
        if (text.contains(PorcupineLogReader.MARKER)) {
            return HistoryFormat.PORCUPINE_ETCD;
        }
        throw new HistoryFormatException(source, new LineIndex(text).at(i),
                "cannot tell the format of this history (not EDN, JSON Lines or a Jepsen log);"
                + " name it with --format (" + HistoryFormat.allowedNames() + ")");
    }
}

package io.faultline.checker.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Reads a history file in any supported format, detected from its content or named.
 *
 * <pre>{@code
 * HistoryFile h = HistoryReaders.read(Path.of("etcd_000.log"), HistoryFormat.AUTO);
 * History history = h.history();
 * HistoryFile j = HistoryReaders.parse("inline", "{:process 0 :type :invoke :f :read}", HistoryFormat.EDN);
 * }</pre>
 *
 * <p>Malformed content raises one {@link HistoryFormatException} with file, line and column.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HistoryReaders {

    private HistoryReaders() {
    }

    /**
     * Reads {@code file} (UTF-8).
     *
     * @throws IOException when the file cannot be read at all (missing, a directory, no permission)
     */
    public static HistoryFile read(Path file, HistoryFormat format) throws IOException, HistoryFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new HistoryFormatException(file.toString(), 1, 1, "not UTF-8 text");
        }
        return parse(file.toString(), text, format);
    }

    /** Reads a history from text; {@code source} names it in errors. */
    public static HistoryFile parse(String source, String text, HistoryFormat format) throws HistoryFormatException {
        HistoryFormat f = format == HistoryFormat.AUTO ? FormatDetector.detect(source, text) : format;
        if (f == HistoryFormat.EDN) {
            return EdnHistoryReader.read(source, text, false);
        }
        if (f == HistoryFormat.PORCUPINE_KV) {
            return EdnHistoryReader.read(source, text, true);
        }
        if (f == HistoryFormat.PORCUPINE_ETCD) {
            return PorcupineLogReader.read(source, text);
        }
        return JsonLinesHistoryReader.read(source, text);
    }
}

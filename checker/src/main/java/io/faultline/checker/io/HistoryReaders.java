package io.faultline.checker.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;
import java.util.Locale;

/**
 * Reads a history file in any supported format, detected from its content or named.
 *
 * <pre>{@code
 * HistoryFile h = HistoryReaders.read(Path.of("etcd_000.log"), HistoryFormat.AUTO);
 * History history = h.history();
 * HistoryFile j = HistoryReaders.parse("inline", "{:process 0 :type :invoke :f :read}", HistoryFormat.EDN);
 * }</pre>
 *
 * <p>Malformed content raises one {@link HistoryFormatException} with file, line and column: a file
 * that is not UTF-8 text (or holds a NUL character, as binary files do), values nested more than
 * {@value #MAX_NESTING} levels deep, a Jepsen log whose last line is cut short, and whatever the
 * format's own rules forbid. The readers never throw anything else on any content.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class HistoryReaders {
    /** How deep values may nest, in every format (Jackson's default for JSON, applied to EDN too). */
    public static final int MAX_NESTING = 1000;

    private HistoryReaders() {
    }

    /**
     * Reads {@code file} (UTF-8).
     *
     * @throws IOException when the file cannot be read at all (missing, a directory, no permission)
     */
    public static HistoryFile read(Path file, HistoryFormat format) throws IOException, HistoryFormatException {
        return parse(file.toString(), text(file.toString(), Files.readAllBytes(file)), format);
    }

    /** Reads a history from text; {@code source} names it in errors. */
    public static HistoryFile parse(String source, String text, HistoryFormat format) throws HistoryFormatException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new HistoryFormatException(source, new LineIndex(text).at(nul),
                    "not a text file: it holds a NUL character here (is it a binary file?)");
        }
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

    /** The bytes as UTF-8 text, or an error at the first byte that is not UTF-8. */
    private static String text(String source, byte[] bytes) throws HistoryFormatException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) {
            r = utf8.flush(out);
        }
        if (r.isError()) {
            // The decoder stopped at the bad byte: what came before it locates it.
            String before = out.flip().toString();
            throw new HistoryFormatException(source, new LineIndex(before).at(before.length()), String.format(Locale.ROOT,
                    "not a text file: byte 0x%02X here is not UTF-8 (is it a binary file?)", bytes[in.position()] & 0xFF));
        }
        return out.flip().toString();
    }
}

package io.faultline.checker.io;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Writing a history one op per line, shared by the line-oriented writers (EDN, JSON Lines). */
final class OpLines {
    private OpLines() {
    }

    /** Writes each op's line and a newline to {@code out}; does not close it. */
    static void write(History history, Writer out, Function<Op, String> line) throws IOException {
        for (Op op : history) {
            out.write(line.apply(op));
            out.write('\n');
        }
        out.flush();
    }

    /** The same into a file, replacing it. */
    static void write(History history, Path file, Function<Op, String> line) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(history, w, line);
        }
    }
}

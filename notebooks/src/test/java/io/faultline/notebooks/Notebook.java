package io.faultline.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A Jupyter notebook (nbformat 4) read from its {@code .ipynb} file: its cells in order. */
record Notebook(Path file, String kernel, List<Cell> cells) {
    Notebook {
        cells = List.copyOf(cells);
    }

    /** The file name without {@code .ipynb}, e.g. {@code 01-s3-consistency}. */
    String name() {
        String f = file.getFileName().toString();
        return f.substring(0, f.length() - ".ipynb".length());
    }

    /** The title: the first Markdown heading. */
    String title() {
        return cells.stream().filter(Cell.Markdown.class::isInstance).map(c -> ((Cell.Markdown) c).source())
                .flatMap(String::lines).filter(l -> l.startsWith("# ")).map(l -> l.substring(2).trim())
                .findFirst().orElse(name());
    }

    List<Cell.Code> codeCells() {
        return cells.stream().filter(Cell.Code.class::isInstance).map(Cell.Code.class::cast).toList();
    }

    static Notebook read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a notebook (" + e.getMessage() + ")", e);
        }
        List<Cell> cells = new ArrayList<>();
        int code = 0;
        for (JsonNode c : root.path("cells")) {
            String source = text(c.path("source"));
            switch (c.path("cell_type").asText()) {
                case "markdown" -> cells.add(new Cell.Markdown(source));
                case "code" -> {
                    boolean setup = false;
                    for (JsonNode tag : c.path("metadata").path("tags")) {
                        setup |= tag.asText().equals("setup");
                    }
                    List<String> outputs = new ArrayList<>();
                    c.path("outputs").forEach(o -> outputs.add(o.path("output_type").asText()));
                    cells.add(new Cell.Code(++code, source, setup, outputs));
                }
                default -> { } // raw cells are not run and not shown
            }
        }
        return new Notebook(file, root.path("metadata").path("kernelspec").path("name").asText(), cells);
    }

    /** The notebooks of a folder, by file name (their order of reading). */
    static List<Notebook> in(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().map(Notebook::read).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    /** Jupyter stores a text as one string or as a list of lines. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(n -> b.append(n.asText()));
            return b.toString();
        }
        return node.asText();
    }
}

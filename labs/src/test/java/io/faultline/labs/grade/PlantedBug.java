package io.faultline.labs.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planted bug: a realistic mistake written as edits of a lab's reference solution, so that each
 * variant is a reviewable diff rather than a copy. A {@code .bug} file holds the mistake, the
 * guarantee it breaks, the graded test that must catch it, then {@code --- original} and
 * {@code --- planted} blocks; every original must occur exactly once in the reference, so an edit
 * of the reference that moves the lines fails loudly instead of planting nothing.
 */
record PlantedBug(String name, String mistake, String breaks, String test, List<Edit> edits) {
    record Edit(String original, String planted) {
    }

    private static final Pattern BLOCK = Pattern.compile("^--- (original|planted)\\n", Pattern.MULTILINE);

    static PlantedBug read(Path file) throws IOException {
        String text = Files.readString(file);
        String name = file.getFileName().toString().replaceFirst("\\.bug$", "");
        Matcher m = BLOCK.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            ends.add(m.end());
        }
        if (starts.isEmpty() || starts.size() % 2 != 0) {
            throw new IllegalArgumentException(file + ": needs pairs of '--- original' and '--- planted' blocks");
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < starts.size(); i += 2) {
            int next = i + 2 < starts.size() ? starts.get(i + 2) : text.length();
            edits.add(new Edit(text.substring(ends.get(i), starts.get(i + 1)), text.substring(ends.get(i + 1), next)));
        }
        String header = text.substring(0, starts.get(0));
        return new PlantedBug(name, field(header, "mistake"), field(header, "breaks"), field(header, "test"), edits);
    }

    private static String field(String header, String key) {
        for (String line : header.split("\n")) {
            if (line.startsWith(key + ": ")) {
                return line.substring(key.length() + 2).strip();
            }
        }
        throw new IllegalArgumentException("a .bug file needs a '" + key + ": ' line");
    }

    /** The reference with this bug planted. */
    String plant(String reference) {
        String code = reference;
        for (Edit e : edits) {
            int at = code.indexOf(e.original());
            if (at < 0 || code.indexOf(e.original(), at + 1) >= 0) {
                throw new IllegalStateException(name + ": the original lines must occur exactly once in the reference:\n"
                        + e.original());
            }
            code = code.replace(e.original(), e.planted());
        }
        return code;
    }
}

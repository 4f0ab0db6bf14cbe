package io.faultline.docs.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code ./faultline} commands in the code blocks of a Markdown or AsciiDoc text: fenced
 * blocks ({@code ```}) in Markdown, delimited listing blocks ({@code ----}) in AsciiDoc. Commands in
 * running prose are not extracted; a command a reader should run goes in a block.
 */
final class CommandExtractor {

    private CommandExtractor() {
    }

    static List<DocCommand> extract(String source, String text) {
        String fence = source.endsWith(".md") ? "```" : "----";
        List<DocCommand> commands = new ArrayList<>();
        boolean inBlock = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.startsWith(fence) && line.strip().chars().allMatch(c -> c == fence.charAt(0) || Character.isLetter(c))) {
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("./faultline ")) {
                commands.add(DocCommand.parse(source, i + 1, line));
            }
        }
        return commands;
    }
}

package io.faultline.docs.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code ./faultline} commands of a Markdown or AsciiDoc text, in the order a reader
 * meets them: the lines of code blocks (fenced {@code ```} blocks in Markdown, delimited listing
 * blocks {@code ----} in AsciiDoc), and the commands quoted in running prose between backticks
 * ({@code `./faultline run demo/echo --seed 7`}), which a reader is told to type just the same. A
 * command in prose has no comment to declare another exit code or a skip: it must exit 0, and one
 * that does not goes in a block with its comment.
 */
final class CommandExtractor {

    /** A command quoted in prose: backticks around {@code ./faultline} and its words. */
    private static final Pattern INLINE = Pattern.compile("`(\\./faultline [^`]+)`");

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
            } else if (!inBlock) {
                Matcher m = INLINE.matcher(line);
                while (m.find()) {
                    commands.add(DocCommand.parse(source, i + 1, m.group(1).strip()));
                }
            }
        }
        return commands;
    }
}

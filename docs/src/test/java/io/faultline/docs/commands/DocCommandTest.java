package io.faultline.docs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The docs-commands convention, read from the text: expected exit codes, visible skips, errors in the text. */
class DocCommandTest {

    @Test
    void aCommentDeclaresTheExitCodeOrAVisibleSkip() {
        DocCommand invalid = DocCommand.parse("p", 1, "./faultline run s3/x --seed 0   # INVALID: stale (exit 1)");
        assertEquals(1, invalid.expectedExit());
        assertEquals(List.of("run", "s3/x", "--seed", "0"), invalid.args());
        DocCommand slow = DocCommand.parse("p", 2, "./faultline sweep s3/x --seeds 200 # not run by the build: a minute");
        assertEquals("a minute", slow.skipReason().orElseThrow());
        DocCommand plain = DocCommand.parse("p", 3, "./faultline list");
        assertFalse(plain.skipReason().isPresent());
        assertEquals(0, plain.expectedExit());
    }

    @Test
    void aLineBreakingTheConventionIsAnErrorNotASkip() {
        assertThrows(IllegalArgumentException.class, () -> DocCommand.parse("p", 4, "./faultline run s3/x   # INVALID: stale"));
        assertThrows(IllegalArgumentException.class, () -> DocCommand.parse("p", 5, "./faultline run s3/x   # not run by the build:"));
        assertThrows(IllegalArgumentException.class, () -> DocCommand.parse("p", 6, "./faultline run 'a b'"));
    }

    @Test
    void commandsInBlocksAndCommandsQuotedInProseAreExtractedInReadingOrder() {
        List<DocCommand> found = CommandExtractor.extract("x.adoc",
                "./faultline prose\n[source,shell]\n----\n./faultline list   # one\n----\n./faultline after\n"
                        + "Then type `./faultline run demo/echo --seed 7` and `./faultline list`; `faultline` alone is a name.\n");
        assertEquals(List.of("x.adoc:4: ./faultline list", "x.adoc:7: ./faultline run demo/echo --seed 7",
                "x.adoc:7: ./faultline list"), found.stream().map(DocCommand::toString).toList());
        assertEquals(0, found.get(1).expectedExit(), "a command in prose must exit 0");
        assertEquals(1, CommandExtractor.extract("README.md", "```\n./faultline list\n```\n./faultline x\n").size());
        assertEquals(List.of(), CommandExtractor.extract("README.md", "```\nsee `./faultline list`\n```\n"),
                "inside a block only lines that start with the command count");
    }
}

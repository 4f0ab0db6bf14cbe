package io.faultline.docs.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fidelity citation in the repository's Java sources and AsciiDoc pages resolves to an anchor
 * of the reference (docs/src/docs/asciidoc/fidelity*.adoc), and every anchor is cited or marked
 * "documented, not modelled".
 */
class FidelityCitationsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGES = Path.of("src", "docs", "asciidoc");

    @Test
    void everyCitationInTheRepositoryResolvesAndEveryAnchorIsCitedOrMarked() throws IOException {
        ReferenceAnchors reference = reference();
        CitationScanner scanner = new CitationScanner();
        List<Finding> findings = new ArrayList<>();
        for (Path p : sources()) {
            findings.addAll(scanner.scan(ROOT.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        long citations = findings.stream().filter(f -> f instanceof Finding.Citation).count();
        System.out.println("fidelity reference: " + reference.ids().size() + " anchors, " + citations + " citations in "
                + findings.stream().map(Finding::file).distinct().count() + " files");
        assertTrue(reference.ids().size() > 50, "the reference pages were read: " + reference.ids());
        assertEquals(List.of(), CitationCheck.problems(reference, findings));
    }

    @Test
    void aCitationOfAMissingAnchorFails() {
        ReferenceAnchors reference = new ReferenceAnchors();
        reference.read("ref.adoc", "[[A1]]\n== Consistency\n\n[[A1.2]]\n=== Legacy\n");
        // The missing id is made at run time, so that this file itself cites only real anchors.
        String missing = "A1.3".replace("1.3", "7.1");
        String source = "/** Stale reads (FIDELITY A1.2 rule 2). */\nclass X {\n  // see " + missing + "\n}\n";
        List<String> problems = CitationCheck.problems(reference, new CitationScanner().scan("X.java", source));
        assertEquals(List.of("X.java:3: cites " + missing + ", which the fidelity reference does not define",
                "anchor A1: nothing cites it, and the reference does not mark it documented, not modelled"), problems);
    }

    @Test
    void anUncitedAnchorPassesOnlyWhenMarkedNotModelled() {
        ReferenceAnchors reference = new ReferenceAnchors();
        reference.read("ref.adoc", "[[D1]]\n== Filebeat\n\n" + ReferenceAnchors.NOT_MODELLED + "\n\n[[C1]]\n== ISR\n");
        assertEquals(List.of("anchor C1: nothing cites it, and the reference does not mark it documented, not modelled"),
                CitationCheck.problems(reference, List.of()));
    }

    @Test
    void theGrammarKeepsHexAndRangesApartAndRejectsStrayForms() {
        String prefix = CitationScanner.PREFIX;
        String source = String.join("\n",
                "// U+E000, 0xA1 and KAFKA-6361 are no citations",
                "// " + prefix + " C5.2-C5.4 cites both ends",
                "// the choice [M4], wrapped: " + prefix,
                " *   B2.1",
                "// " + prefix + " part C",
                "// a bare [" + "M] and " + prefix + "'s prose");
        List<String> got = new CitationScanner().scan("Y.java", source).stream()
                .map(f -> f.line() + " " + (f instanceof Finding.Citation c ? c.id() : "stray")).toList();
        assertEquals(List.of("2 C5.2", "2 C5.4", "3 M4", "4 B2.1", "5 C", "6 stray", "6 stray"), got);
    }

    private static ReferenceAnchors reference() throws IOException {
        ReferenceAnchors reference = new ReferenceAnchors();
        for (Path p : referencePages()) {
            reference.read(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return reference;
    }

    private static List<Path> referencePages() throws IOException {
        try (Stream<Path> s = Files.list(PAGES)) {
            return s.filter(FidelityCitationsTest::isReferencePage).sorted().toList();
        }
    }

    private static boolean isReferencePage(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("fidelity") && name.endsWith(".adoc");
    }

    /** Every .java and .adoc file of every module (main, test, docs), except the reference's own pages. */
    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".adoc"))
                    .filter(p -> !skipped(ROOT.relativize(p)))
                    .filter(p -> !(isReferencePage(p) && p.getParent().endsWith(PAGES)))
                    .sorted().toList();
        }
    }

    /** Build output and hidden directories are not sources. */
    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.equals("target") || n.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}

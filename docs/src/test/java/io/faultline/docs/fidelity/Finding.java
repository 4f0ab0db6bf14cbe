package io.faultline.docs.fidelity;

/** What the citation scanner found at one place of one source file. */
sealed interface Finding {
    String file();

    int line();

    /** A citation of the reference's anchor {@code id} (a rule, a modelling choice or a part). */
    record Citation(String file, int line, String id) implements Finding {
    }

    /** A form the citation grammar does not allow (a choice tag without its number, the prefix naming no anchor). */
    record Stray(String file, int line, String text) implements Finding {
    }
}

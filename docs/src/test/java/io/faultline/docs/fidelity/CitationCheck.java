package io.faultline.docs.fidelity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds findings against the reference's anchors: a citation of an undefined anchor, a stray form,
 * and an anchor nothing cites although the reference does not mark it "documented, not modelled". (A
 * marked anchor may still be cited, e.g. by a comment saying what the model leaves out.)
 */
final class CitationCheck {
    private CitationCheck() {
    }

    /** The problems, one line each, naming file:line and the id; empty when everything resolves. */
    static List<String> problems(ReferenceAnchors reference, List<Finding> findings) {
        List<String> out = new ArrayList<>();
        Set<String> cited = new HashSet<>();
        for (Finding f : findings) {
            if (f instanceof Finding.Citation c) {
                cited.add(c.id());
                if (!reference.defines(c.id())) {
                    out.add(c.file() + ":" + c.line() + ": cites " + c.id() + ", which the fidelity reference does not define");
                }
            } else if (f instanceof Finding.Stray s) {
                out.add(s.file() + ":" + s.line() + ": " + s.text());
            }
        }
        for (String id : reference.ids()) {
            if (!reference.notModelled(id) && !cited.contains(id)) {
                out.add("anchor " + id + ": nothing cites it, and the reference does not mark it documented, not modelled");
            }
        }
        return out;
    }
}

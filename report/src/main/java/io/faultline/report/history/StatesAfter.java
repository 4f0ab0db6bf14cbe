package io.faultline.report.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.faultline.checker.model.Model;
import io.faultline.checker.model.Step;
import io.faultline.checker.model.Operation;

/**
 * The model's state after each op of a linearized prefix, replayed from the initial state (as
 * Porcupine shows on hover). A nondeterministic model can be in several states; at most
 * {@link #MAX} are followed, and the text says when there were more.
 */
final class StatesAfter {
    static final int MAX = 8;

    private StatesAfter() {
    }

    /** One text per op of {@code prefix}: the states it could have left, e.g. {@code "c1-0"} or {@code "1 | 2"}. */
    static List<String> each(Model<?> model, List<Operation> prefix) {
        return replay(model, prefix);
    }

    private static <S> List<String> replay(Model<S> model, List<Operation> prefix) {
        List<String> out = new ArrayList<>();
        Set<S> states = new LinkedHashSet<>(List.of(model.initial()));
        for (Operation op : prefix) {
            Set<S> next = new LinkedHashSet<>();
            boolean more = false;
            for (S s : states) {
                Step<S> step = model.step(s, op);
                List<S> to = step instanceof Step.Ok<S> ok ? List.of(ok.state())
                        : step instanceof Step.AnyOf<S> any ? sorted(any.states()) : List.of();
                for (S n : to) {
                    if (next.size() < MAX) {
                        next.add(n);
                    } else if (!next.contains(n)) {
                        more = true;
                    }
                }
            }
            if (next.isEmpty()) {
                // Not reachable for a prefix the checker linearized; say so rather than guess.
                out.add("(not possible from the states before it)");
                continue;
            }
            states = next;
            List<String> texts = new ArrayList<>();
            states.forEach(s -> texts.add(StateText.of(s)));
            out.add(String.join(" | ", texts) + (more ? " | …" : ""));
        }
        return out;
    }

    /** A nondeterministic step's states in text order, so the page is the same on every run. */
    private static <S> List<S> sorted(Set<S> states) {
        List<S> list = new ArrayList<>(states);
        list.sort((a, b) -> StateText.of(a).compareTo(StateText.of(b)));
        return list;
    }
}

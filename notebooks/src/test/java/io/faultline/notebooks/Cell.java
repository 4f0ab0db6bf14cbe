package io.faultline.notebooks;

import java.util.List;

/** One cell of a notebook, as Jupyter stores it. */
sealed interface Cell {

    /** Prose: teaching text between the code. */
    record Markdown(String source) implements Cell {
    }

    /**
     * A code cell.
     *
     * @param number      1-based among the notebook's code cells, as error messages name it
     * @param setup       tagged {@code setup} in Jupyter: it may print nothing (imports, helpers)
     * @param outputTypes the {@code output_type} of each stored output (an executed notebook's)
     */
    record Code(int number, String source, boolean setup, List<String> outputTypes) implements Cell {
        public Code {
            outputTypes = List.copyOf(outputTypes);
        }

        /** The rule both routes apply: a cell that is not setup must show something. */
        boolean mustShowOutput() {
            return !setup;
        }
    }
}

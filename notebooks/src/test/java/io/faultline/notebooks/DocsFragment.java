package io.faultline.notebooks;

import java.util.List;

/** The docs chapter's generated part: which route rendered the notebooks, then each one embedded. */
final class DocsFragment {
    private DocsFragment() {
    }

    static String of(List<Notebook> notebooks, boolean byJupyter) {
        StringBuilder b = new StringBuilder();
        b.append(byJupyter
                ? "The renderings below are Jupyter's own: each notebook was executed by real Jupyter with the rapaio"
                        + " Java kernel (`jupyter nbconvert --execute`), then rendered by `jupyter nbconvert --to html`.\n"
                : "The renderings below are the jshell route's: Jupyter was not installed where this site was built, so"
                        + " each notebook's cells ran in order through `jdk.jshell` and were rendered as plain HTML"
                        + " (CI installs Jupyter, so the published site shows Jupyter's rendering).\n");
        for (Notebook n : notebooks) {
            String file = n.file().getFileName().toString();
            b.append("\n=== ").append(n.title()).append("\n\n")
                    .append("link:notebooks/").append(file).append("[`").append(file).append("`] (open it in Jupyter)")
                    .append(" · link:notebooks/").append(n.name()).append(".html[the executed notebook on a page of its own]\n\n")
                    .append("++++\n<iframe src=\"notebooks/").append(n.name()).append(".html\" title=\"")
                    .append(SimpleHtml.escape(n.title()))
                    .append("\" style=\"width:100%;height:40rem;border:1px solid #ddd\" loading=\"lazy\"></iframe>\n++++\n");
        }
        return b.toString();
    }
}

package io.faultline.notebooks;

import java.util.List;

/**
 * The jshell route's rendering of a notebook when Jupyter is not installed: prose, code and what each
 * cell showed, as one self-contained page. Plainer than nbconvert's: Markdown is shown with its
 * headings and paragraphs, not fully rendered (no Markdown library for a fallback page).
 */
final class SimpleHtml {
    private SimpleHtml() {
    }

    static String render(Notebook notebook, List<CellRun> runs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(notebook.title())).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:60rem;margin:1rem auto;line-height:1.4}")
                .append("pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}pre.out{background:#fff;border-left:3px solid #ccc}")
                .append("</style></head><body>\n<p><em>Rendered by faultline's jshell route (Jupyter was not installed"
                        + " where this was built): cells run in order through jdk.jshell.</em></p>\n");
        int run = 0;
        for (Cell cell : notebook.cells()) {
            if (cell instanceof Cell.Markdown md) {
                markdown(b, md.source());
            } else if (cell instanceof Cell.Code code) {
                b.append("<pre class=\"in\">").append(escape(code.source())).append("</pre>\n");
                CellRun r = runs.get(run++);
                for (CellRun.Output o : r.outputs()) {
                    if (o.mime().equals("text/html")) {
                        b.append("<div class=\"out\">").append(o.data()).append("</div>\n");
                    } else if (!o.data().isBlank()) {
                        b.append("<pre class=\"out\">").append(escape(o.data())).append("</pre>\n");
                    }
                }
                r.value().ifPresent(v -> b.append("<pre class=\"out\">").append(escape(v)).append("</pre>\n"));
            }
        }
        return b.append("</body></html>\n").toString();
    }

    /** Headings as headings, blank-line separated blocks as paragraphs; the rest as written. */
    private static void markdown(StringBuilder b, String source) {
        for (String block : source.split("\n\\s*\n")) {
            String t = block.strip();
            int level = 0;
            while (level < t.length() && t.charAt(level) == '#') {
                level++;
            }
            if (level > 0 && level <= 6 && !t.contains("\n")) {
                b.append("<h").append(level).append('>').append(escape(t.substring(level).strip()))
                        .append("</h").append(level).append(">\n");
            } else if (!t.isEmpty()) {
                b.append("<p style=\"white-space:pre-wrap\">").append(escape(t)).append("</p>\n");
            }
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.faultline.labs.grade;

import static io.faultline.report.HtmlReport.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.faultline.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A grade as files: {@code grade.json} for a course's gradebook and {@code grade.html} for the
 * student, styled as the run reports are. Neither holds a time or a machine's name, so the same
 * directory always gets the same files.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GradeFiles {
    private GradeFiles() {
    }

    /** Writes both files into {@code dir}; returns their paths. */
    public static List<Path> write(Grade g, Path dir) throws IOException {
        Path json = dir.resolve("grade.json");
        Path html = dir.resolve("grade.html");
        Files.writeString(json, json(g), StandardCharsets.UTF_8);
        Files.writeString(html, html(g), StandardCharsets.UTF_8);
        return List.of(json, html);
    }

    public static String json(Grade g) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", g.lab());
        m.put("key", g.key());
        m.put("score", g.score());
        m.put("passed", g.passed());
        m.put("tests", g.tests());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }

    static String html(Grade g) {
        String verdict = g.score() == 100 ? "VALID" : "INVALID";
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(g.lab())).append(" — ").append(g.score()).append("/100 — faultline grade</title>\n<style>\n")
                .append(HtmlReport.stylesheet()).append("</style>\n</head>\n<body>\n")
                .append("<header><h1><span class=\"brand\">faultline</span> grade: ").append(escape(g.lab()))
                .append("</h1><span class=\"badge ").append(verdict).append("\">").append(g.score()).append("/100</span>")
                .append("<span class=\"mono\">").append(g.passed()).append(" of ").append(g.tests().size())
                .append(" tests, ").append(escape(g.key())).append(" key</span></header>\n<main>\n")
                .append("<section id=\"checks\"><h2>Graded tests</h2>\n<table>\n<tr><th>test</th><th>result</th><th>why</th></tr>\n");
        for (TestGrade t : g.tests()) {
            h.append("<tr><td class=\"mono\">").append(escape(t.test())).append("</td><td class=\"verdict-")
                    .append(t.passed() ? "VALID" : "INVALID").append("\">").append(t.passed() ? "pass" : "fail")
                    .append("</td><td>").append(t.passed() ? "" : "<pre class=\"replay\">" + escape(t.message()) + "</pre>")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">A failure names the seed, the shrunk fault schedule and the @Replay line:"
                + " paste the line above the test in your project's PublicTest to rerun exactly that case.</p>\n</section>\n")
                .append("</main>\n</body>\n</html>\n");
        return h.toString();
    }
}

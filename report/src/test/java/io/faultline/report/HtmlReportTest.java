package io.faultline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.faultline.checker.Outcome;

class HtmlReportTest {

    @Test
    void pageNamesScenarioSeedVerdictAndReplayCommand() {
        String html = HtmlReport.render(SampleReports.report(Outcome.VALID, 20));
        assertTrue(html.contains("<title>demo/broadcast seed 42 — VALID — faultline</title>"));
        assertTrue(html.contains("<code>42</code>"));
        assertTrue(html.contains("./faultline run demo/broadcast --seed 42"));
        assertTrue(html.contains("<code>10/s</code>"), "settings are shown");
    }

    @Test
    void pageHasTimelineFlowDiagramAndChartsAsInlineSvg() {
        String html = HtmlReport.render(SampleReports.report(Outcome.VALID, 20));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\""));
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\""));
        assertTrue(html.contains("partition {n1 n2} | {n3} on network at 10s until 20s"), "fault tooltip");
        assertTrue(html.contains("class=\"fault-instant\""), "the crash is drawn as an instant");
        assertTrue(html.contains("Broadcast(value=3): n1 → n2, sent at 300ms"), "message tooltip");
        assertTrue(html.contains("class=\"msg lost\""), "lost messages are drawn");
        assertEquals(2, count(html, "<svg id='chart[12]'"), "both charts rendered by JFreeChart");
        assertTrue(html.contains("Delivery latency") && html.contains("Throughput"));
    }

    @Test
    void pageIsSelfContained() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 400));
        assertFalse(Pattern.compile("<(script|link|img|iframe)\\b").matcher(html).find(), "no external resources");
        Matcher urls = Pattern.compile("(?:src|href)=\"(?!#)([^\"]*)\"").matcher(html);
        assertFalse(urls.find(), () -> "no links to files or the network: " + urls.group());
        // The only URLs are XML namespace names, which are never fetched.
        assertEquals(count(html, "http://"), count(html, "xmlns(:[a-z]+)?=[\"']http://"));
    }

    @Test
    void findingsFollowTheChecksEscapedAndAnEmptyOneSaysNone() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 10));
        int checks = html.indexOf("id=\"checks\"");
        int findings = html.indexOf("<section class=\"findings\"><h2>Lost values</h2>");
        assertTrue(checks >= 0 && findings > checks && findings < html.indexOf("id=\"configuration\""), html);
        assertTrue(html.contains("never reached n3 &lt;b&gt;"));
        RunSummary valid = SampleReports.summary(Outcome.VALID);
        RunSummary none = new RunSummary(valid.scenario(), valid.seed(), valid.verdict(), valid.checks(),
                List.of(new Table("Lost values", List.of("value"), List.of())), valid.traceHash(), valid.events(),
                valid.simulatedNanos(), valid.wallMillis(), valid.peakHeapBytes(), valid.report());
        assertTrue(HtmlReport.render(RunReport.builder(none).build())
                .contains("<section class=\"findings\"><h2>Lost values</h2>\n<p class=\"note\">None.</p>"));
    }

    @Test
    void userTextIsEscaped() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 10));
        assertTrue(html.contains("n3 never received 7 &lt;script&gt;"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void longRunShowsWindowsAroundViolationAndFaultsAndSaysSo() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 400));
        String narrow = html.substring(html.indexOf("<section id=\"messages\">"), html.indexOf("<details class=\"wider\">"));
        // The partition is 10s-20s, the crash at 12s, the violation at 15s: each has its window.
        assertTrue(narrow.contains("around partition {n1 n2} | {n3} at 10s"), narrow);
        assertTrue(narrow.contains("first violation at 15s"));
        assertTrue(narrow.contains("end of partition {n1 n2} | {n3} at 20s"));
        assertTrue(narrow.contains("Broadcast(value=100):") && narrow.contains("Broadcast(value=150):"),
                "messages sent at the partition and the violation are drawn");
        assertTrue(narrow.contains("class=\"violation\""));
        assertTrue(count(narrow, "<title>Broadcast\\(value=") <= 6 * 24);
        assertTrue(html.contains("Wider windows:"), "the page can show wider windows");
    }

    @Test
    void longValidRunWithoutFaultsShowsFirstAndLastMessages() {
        RunReport r = RunReport.builder(SampleReports.summary(Outcome.VALID)).hosts(List.of("n1", "n2", "n3"))
                .messages(SampleReports.broadcast(400)).build();
        String html = HtmlReport.render(r);
        assertTrue(html.contains("Shown: the first 12 and the last 12 of 800 messages"), html);
        assertTrue(html.contains("Broadcast(value=0):") && html.contains("Broadcast(value=399):"));
        assertFalse(html.contains("Broadcast(value=200):"));
    }

    @Test
    void sameReportRendersToSameBytes() {
        RunReport r = SampleReports.report(Outcome.INVALID, 50);
        assertEquals(HtmlReport.render(r), HtmlReport.render(r));
    }

    @Test
    void writeCreatesFolders(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/nested/demo-broadcast-42.html");
        HtmlReport.write(SampleReports.report(Outcome.VALID, 5), file);
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
        // A copy a person can open while developing: target/sample-report.html.
        Files.createDirectories(Path.of("target"));
        HtmlReport.write(SampleReports.report(Outcome.INVALID, 400), Path.of("target/sample-report.html"));
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

package io.faultline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void userTextIsEscaped() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 10));
        assertTrue(html.contains("n3 never received 7 &lt;script&gt;"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void longRunShowsWindowAroundViolationAndSaysSo() {
        String html = HtmlReport.render(SampleReports.report(Outcome.INVALID, 400));
        assertTrue(html.contains("Messages 243 to 322 of 800, around the first violation at 15s."));
        assertTrue(html.contains("class=\"violation\""));
        assertTrue(count(html, "<title>Broadcast\\(value=") <= HtmlReport.MAX_MESSAGES_DRAWN);
    }

    @Test
    void longValidRunShowsFirstAndLastMessages() {
        String html = HtmlReport.render(SampleReports.report(Outcome.VALID, 400));
        assertTrue(html.contains("The first 40 and the last 40 of 800 messages; 720 in between are not drawn."));
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

package io.faultline.report.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.faultline.checker.CheckOptions;
import io.faultline.checker.CheckReport;
import io.faultline.checker.KeyResult;
import io.faultline.checker.Counterexample;
import io.faultline.checker.Linearizability;
import io.faultline.checker.Verdict;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.checker.model.Model;
import io.faultline.checker.model.Models;

/** The text, JSON and HTML views of a check show the failing operation, its window and the states. */
class CheckViewsTest {

    private static CheckedHistory check(HistoryFile f, String model) {
        Model<?> m = Models.byName(model);
        return new CheckedHistory(f, m, Linearizability.check(f.history(), m, CheckOptions.defaults()));
    }

    private static CheckedHistory staleRead() throws Exception {
        HistoryFile f = HistoryReaders.parse("stale.edn", """
                [{:process 0 :type :invoke :f :write :value 1 :time 1000000}
                 {:process 0 :type :ok :f :write :value 1 :time 2000000}
                 {:process 1 :type :invoke :f :read :value nil :time 3000000}
                 {:process 2 :type :invoke :f :write :value 7 :time 3500000}
                 {:process 2 :type :fail :f :write :value 7 :time 3600000}
                 {:process 1 :type :ok :f :read :value 2 :time 4000000}]
                """, HistoryFormat.EDN);
        return check(f, "register");
    }

    private static List<String> matches(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return out;
    }

    @Test
    void htmlHighlightsTheFailingOpAndItsWindowAndShowsTheStates() throws Exception {
        CheckedHistory c = staleRead();
        String html = CheckHtml.render(List.of(c));
        assertEquals(List.of("2"), matches("<g class=\"op [a-z]+ failing\" data-index=\"(\\d+)\"", html));
        assertEquals(List.of("2"), matches("<rect class=\"failing-window\" data-index=\"(\\d+)\"", html));
        assertEquals(List.of("0"), matches("<circle class=\"lin-point\" data-index=\"(\\d+)\"", html));
        assertTrue(html.contains("possible states before it: 1"), html);
        assertTrue(html.contains("class=\"op fail\" data-index=\"3\""), "failed write drawn as such");
        assertEquals(3, matches("data-process=\"(\\d+)\"", html).size(), "one bar per operation");
        assertEquals(3, matches("<text class=\"process\"", html).size(), "one lane per process");
        assertTrue(html.contains("time (ms from the first op)"), "the ops' own time is the axis");
        assertTrue(html.contains("<text class=\"failing-label\"") && html.contains("cannot linearize op 2 :read 2 (process 1)"),
                "the failing op is labelled in words");
        assertTrue(html.contains("linearized #1: op 0 :write 1\nstate after it: 1"), "the state after each linearized op");
        assertTrue(html.contains("<header><h1><span class=\"brand\">faultline</span> check</h1><span class=\"badge INVALID\">"),
                "styled like the run reports");
        assertTrue(html.contains("input type=\"checkbox\" class=\"zoom\""), "the timeline fits the page and zooms");
    }

    @Test
    void statesAfterEachOpAreReplayedFromTheInitialState() throws Exception {
        CheckedHistory c = staleRead();
        Counterexample ce = ((Verdict.Invalid) c.report().verdict()).counterexample();
        assertEquals(List.of("1"), StatesAfter.each(c.model(), ce.linearized()));
    }

    @Test
    void theSameViewFitsAnotherPageAsAScopedSection() throws Exception {
        io.faultline.report.Section section = CheckHtml.section(staleRead());
        assertEquals("Linearizability of stale.edn", section.title());
        String html = section.html();
        assertTrue(html.startsWith("<div class=\"fl-check\">"), html);
        assertFalse(html.contains("<html") || html.contains("<body"), "a fragment, not a page");
        assertEquals(List.of("2"), matches("<g class=\"op [a-z]+ failing\" data-index=\"(\\d+)\"", html));
        String css = html.substring(html.indexOf("<style>") + "<style>".length(), html.indexOf("</style>"));
        String[] selectorLists = css.replaceAll("\\{[^}]*\\}", "\n").split("\n");
        int rules = 0;
        for (String list : selectorLists) {
            for (String selector : list.split(",")) {
                if (!selector.isBlank()) {
                    rules++;
                    assertTrue(selector.strip().startsWith(".fl-check") || selector.strip().startsWith(".fl-detail"),
                            "unscoped CSS rule: " + selector);
                }
            }
        }
        assertTrue(rules > 20, "found the rules: " + rules);
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        String html = CheckHtml.render(List.of(staleRead()));
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(Pattern.compile("src\\s*=").matcher(html).find(), "no external script or image");
        assertEquals(List.of("http://www.w3.org/2000/svg"), matches("(https?://[^\"]+)", html).stream().distinct().toList(),
                "the only URL is the SVG namespace");
        assertTrue(html.contains("<style>") && html.contains("<script>"));
    }

    @Test
    void textAndJsonNameTheFailingOpWithItsPlaceInTheFile() throws Exception {
        CheckedHistory c = staleRead();
        String text = CheckText.render(c);
        assertTrue(text.startsWith("stale.edn: INVALID (model register, 6 ops)\n"), "no timing: " + text);
        assertTrue(text.contains("  cannot linearize op 2: process 1 :read 2, ok\n"
                + "    invoked at stale.edn:3:2, completed at stale.edn:6:2\n"), text);
        assertTrue(text.contains("possible states after 1 linearized ops: 1\n"), text);
        assertTrue(text.contains("    op 0: process 0 :write 1, ok  [stale.edn:1:2]\n"), text);
        JsonNode j = CheckJson.of(c);
        assertEquals("INVALID", j.get("verdict").asText());
        assertEquals(6, j.get("ops").asInt());
        assertEquals("stale.edn:3:2", j.at("/counterexample/op/at").asText());
        assertEquals(5, j.at("/counterexample/op/completion").asInt());
        assertEquals("1", j.at("/counterexample/states/0").asText());
        assertEquals(0, j.at("/counterexample/linearized/0/index").asInt());
        assertFalse(j.has("millis"), "no timing in the JSON either: " + j);
    }

    @Test
    void keyedModelsGetOneSectionPerKeyWithTheFailingKeyOpen() throws Exception {
        HistoryFile f = HistoryReaders.parse("kv.txt", """
                {:process 0, :type :invoke, :f :put, :key "a", :value "x"}
                {:process 0, :type :ok, :f :put, :key "a", :value "x"}
                {:process 1, :type :invoke, :f :append, :key "b", :value "y"}
                {:process 1, :type :ok, :f :append, :key "b", :value "y"}
                {:process 0, :type :invoke, :f :get, :key "b", :value nil}
                {:process 0, :type :ok, :f :get, :key "b", :value "z"}
                """, HistoryFormat.AUTO);
        CheckedHistory c = check(f, "kv");
        Counterexample ce = ((Verdict.Invalid) c.report().verdict()).counterexample();
        String html = CheckHtml.render(List.of(c));
        assertEquals(List.of("&quot;a&quot;", "&quot;b&quot;"), matches("<details class=\"key [A-Z]+\"[^>]* data-key=\"([^\"]+)\"", html));
        assertEquals(List.of("&quot;b&quot;"), matches("<details class=\"key INVALID\" open data-key=\"([^\"]+)\"", html));
        assertEquals(List.of(String.valueOf(ce.operation().invocation().index())),
                matches("<g class=\"op [a-z]+ failing\" data-index=\"(\\d+)\"", html));
        assertTrue(CheckText.render(c).contains("cannot linearize (key \"b\") op 4"), CheckText.render(c));
    }

    @Test
    void keysSkippedOnceAKeyFailedAreLabelledNotCheckedNotUnknown() throws Exception {
        HistoryFile f = HistoryReaders.parse("kv3.txt", """
                {:process 1, :type :invoke, :f :append, :key "b", :value "y"}
                {:process 1, :type :ok, :f :append, :key "b", :value "y"}
                {:process 0, :type :invoke, :f :get, :key "b", :value nil}
                {:process 0, :type :ok, :f :get, :key "b", :value "z"}
                {:process 0, :type :invoke, :f :put, :key "c", :value "x"}
                {:process 0, :type :ok, :f :put, :key "c", :value "x"}
                """, HistoryFormat.AUTO);
        Model<?> kv = Models.byName("kv");
        CheckReport real = Linearizability.check(f.history(), kv, CheckOptions.defaults());
        // Which keys the search skips depends on the threads' race; the label must not: skip "c" here.
        List<KeyResult> keys = real.keys().stream().map(k -> k.key().equals(io.faultline.checker.history.Value.of("c"))
                ? new KeyResult(k.key(), new Verdict.Unknown("not checked: another key is not linearizable"), k.operations(), 0)
                : k).toList();
        CheckedHistory c = new CheckedHistory(f, kv, new CheckReport(real.verdict(), real.operations(), keys, real.millis()));
        String html = CheckHtml.render(List.of(c));
        assertTrue(html.contains("data-key=\"&quot;c&quot;\"><summary>key &quot;c&quot;: <span class=\"verdict SKIPPED\">not checked</span>"),
                html);
        assertFalse(html.contains(">UNKNOWN<"), "UNKNOWN is kept for bounds hit");
    }

    @Test
    void reportOfAnInvalidEtcdHistoryHighlightsItsFailingOp() throws Exception {
        String shared = System.getProperty("faultline.shared");
        assumeTrue(shared != null, "faultline.shared is not set; skipping the etcd report test");
        Path log = Path.of(shared, "corpus/porcupine/test_data/jepsen/etcd_000.log");
        assumeTrue(Files.isRegularFile(log), "corpus not found at " + log + "; skipping the etcd report test");
        CheckedHistory c = check(HistoryReaders.read(log, HistoryFormat.AUTO), "cas-register-etcd");
        Counterexample ce = ((Verdict.Invalid) c.report().verdict()).counterexample();
        String html = CheckHtml.render(List.of(c));
        String failing = String.valueOf(ce.operation().invocation().index());
        assertEquals(List.of(failing), matches("<g class=\"op [a-z]+ failing\" data-index=\"(\\d+)\"", html));
        assertEquals(List.of(failing), matches("<rect class=\"failing-window\" data-index=\"(\\d+)\"", html));
        assertEquals(ce.linearized().size(), matches("<circle class=\"lin-point\"", html).size());
        assertTrue(html.contains("op index &#8594;"), "the log has no times: the axis is the op index");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "etcd_000-check.html"), html);
    }
}

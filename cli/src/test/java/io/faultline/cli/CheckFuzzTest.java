package io.faultline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryFormatException;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;

/**
 * Bad input never crashes {@code faultline check}: valid histories in every format, mutated (bytes
 * flipped, inserted and deleted, cut at every position, nested deep, or replaced by random bytes),
 * go through the readers and through the command in-process. A reader returns
 * a history or throws one {@link HistoryFormatException} with a one-line message; the command exits
 * 0, 1, 2 or 3 (never 4, an internal error), and on exit 2 prints exactly one line on standard
 * error, without a stack trace or a library's internals. The random part is seeded and prints its
 * seed ({@code -Dfaultline.seed=N} replays it).
 *
 * <p>Building the command line costs tens of milliseconds (picocli reads every command's
 * annotations), so most cases reuse one, configured as {@link Main#execute} configures it, and
 * every twentieth case, and every deep one, goes through {@link Main#execute} itself, standard
 * output and error captured.
 */
class CheckFuzzTest {
    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 3);
    /** Words that only a stack trace or a library's own message would print. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "Error:", "java.", "[Source",
            "REDACTED", "StreamRead", "us.bpsm", "jackson", "picocli");

    /** A valid history in one format, with the model that fits it. */
    private record Sample(String name, String model, HistoryFormat format, String text) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("h.edn", "cas-register", HistoryFormat.EDN, """
                    [{:process 0, :type :invoke, :f :write, :value 1, :time 10, :index 0}
                     {:process 1, :type :invoke, :f :read, :value nil, :time 12}
                     {:process :nemesis, :type :info, :f :start, :value "partition \\"a\\""}
                     {:process 0, :type :ok, :f :write, :value 1, :time 20}
                     {:process 2, :type :invoke, :f :cas, :value [1 2]}
                     {:process 1, :type :ok, :f :read, :value 1, :time 25}
                     #jepsen.history.Op{:process 2, :type :info, :f :cas, :value [1 2], :error :timeout}]
                    """),
            new Sample("stream.edn", "multi-register", HistoryFormat.EDN, """
                    {:process 0 :type :invoke :f :txn :value [[:w :x 1] [:w :y 2]]}
                    {:process 0 :type :ok :f :txn :value [[:w :x 1] [:w :y 2]]} ; a comment
                    {:process 1 :type :invoke :f :txn :value [[:r :x nil]]}
                    {:process 1 :type :ok :f :txn :value [[:r :x 1]]}
                    """),
            new Sample("etcd.log", "cas-register-etcd", HistoryFormat.PORCUPINE_ETCD, """
                    INFO  jepsen.core - Running test
                    INFO  jepsen.util - 3\t:invoke\t:read\tnil
                    INFO  jepsen.util - 4\t:invoke\t:write\t12
                    INFO  jepsen.util - 3\t:ok\t:read\tnil
                    INFO  jepsen.util - :nemesis\t:info\t:start\tnil
                    INFO  jepsen.util - 4\t:ok\t:write\t12
                    INFO  jepsen.util - 0\t:invoke\t:cas\t[12 4]
                    INFO  jepsen.util - 0\t:fail\t:cas\t[12 4]
                    INFO  jepsen.util - 1\t:invoke\t:read\tnil
                    INFO  jepsen.util - 1\t:info\t:read\t:timed-out
                    """),
            new Sample("kv.txt", "kv", HistoryFormat.PORCUPINE_KV, """
                    {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}
                    {:process 1, :type :invoke, :f :get, :key "0", :value nil}
                    {:process 0, :type :ok, :f :append, :key "0", :value "x 0 0 y"}
                    {:process 1, :type :ok, :f :get, :key "0", :value "x 0 0 y"}
                    {:process 2, :type :invoke, :f :put, :key "1", :value "é"}
                    {:process 2, :type :ok, :f :put, :key "1", :value "é"}
                    """),
            new Sample("h.jsonl", "register", HistoryFormat.JSONL, """
                    {"index":0,"process":0,"type":"invoke","f":"write","value":3,"time":100}
                    {"process":1,"type":"invoke","f":"read","value":null}
                    {"process":0,"type":"ok","f":"write","value":3,"time":180,"extra":{"kw":"x"}}
                    {"process":1,"type":"ok","f":"read","value":3}
                    {"process":2,"type":"invoke","f":"write","value":{"map":[[{"kw":"a"},[1,2]]]}}
                    """));

    @TempDir
    Path dir;

    private int files;
    private int calls;
    /** One command line for most cases, configured as {@link Main#execute} does. */
    private final CommandLine reused = Main.commandLine();

    @Test
    void everySampleIsValidAsWritten() throws Exception {
        // The mutations start from good input: were a sample rejected, they would prove little.
        for (Sample s : SAMPLES) {
            Outcome o = check(s, s.text().getBytes(StandardCharsets.UTF_8), false, true);
            assertTrue(o.exit() == 0 || o.exit() == 1, s.name() + ": " + o);
            assertEquals(s.format(), HistoryReaders.read(write(s, s.text().getBytes(StandardCharsets.UTF_8)),
                    HistoryFormat.AUTO).format(), s.name());
        }
    }

    @Test
    void cutAtEveryPosition() throws Exception {
        // Every cut: inside a number, a keyword, a string, a multi-byte character, between tokens,
        // just before and after a newline. The reader sees every one; the command every 13th (a
        // stride prime to the lines' lengths, so the cuts fall at every kind of place).
        for (Sample s : SAMPLES) {
            byte[] all = s.text().getBytes(StandardCharsets.UTF_8);
            for (int n = 0; n < all.length; n++) {
                byte[] cut = java.util.Arrays.copyOf(all, n);
                read(s, cut, n % 7 == 0);
                if (n % 13 == 0) {
                    check(s, cut, n % 2 == 0);
                }
            }
        }
    }

    @Test
    void deepNestingIsCappedInEveryFormat() throws Exception {
        for (int depth : new int[] {999, 1000, 1001, 5000, 100_000}) {
            String edn = "[".repeat(depth) + "]".repeat(depth);
            String ednMaps = "{:a ".repeat(depth) + "1" + "}".repeat(depth);
            String tags = "#t ".repeat(depth) + "1";
            String json = "[".repeat(depth) + "]".repeat(depth);
            String jsonMaps = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            List<Sample> deep = List.of(
                    new Sample("deep.edn", "cas-register", HistoryFormat.EDN,
                            "[{:process 0 :type :invoke :f :write :value " + edn + "}]\n"),
                    new Sample("deep-maps.edn", "cas-register", HistoryFormat.EDN,
                            "{:process 0 :type :invoke :f :write :value " + ednMaps + "}\n"),
                    new Sample("deep-tags.edn", "cas-register", HistoryFormat.EDN,
                            "{:process 0 :type :invoke :f :write :value " + tags + "}\n"),
                    new Sample("bare.edn", "cas-register", HistoryFormat.EDN, edn),
                    new Sample("deep.log", "cas-register-etcd", HistoryFormat.PORCUPINE_ETCD,
                            "INFO  jepsen.util - 0\t:invoke\t:write\t" + edn + "\n"),
                    new Sample("deep.jsonl", "register", HistoryFormat.JSONL,
                            "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":" + json + "}\n"),
                    new Sample("deep-maps.jsonl", "register", HistoryFormat.JSONL,
                            "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":" + jsonMaps + "}\n"));
            for (Sample s : deep) {
                byte[] bytes = s.text().getBytes(StandardCharsets.UTF_8);
                read(s, bytes, true);
                Outcome o = check(s, bytes, depth % 2 == 1, depth == 5000);
                if (depth > HistoryReaders.MAX_NESTING) {
                    // Tagged values are not supported at any depth (past the stack's depth the parser
                    // gives up first); collections say how deep they went.
                    assertEquals(2, o.exit(), s.name() + " nested " + depth + " deep: " + o);
                    assertTrue(s.name().contains("tags")
                                    ? o.err().contains("unsupported EDN value") || o.err().contains("nested too deeply")
                                    : o.err().contains("nested more than 1000 levels deep"),
                            s.name() + " nested " + depth + " deep: " + o);
                }
            }
        }
    }

    /** One edit of a sample's bytes, positions as fractions of its length so that they shrink. */
    private record Edit(int kind, int at, int length, int value) {
        byte[] apply(byte[] in) {
            int p = (int) ((long) at * in.length / 10_000);
            int n = Math.min(length, in.length - p);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {   // flip: one byte becomes any byte (invalid UTF-8, NUL, a bracket, ...)
                    if (in.length == 0) {
                        return in;
                    }
                    byte[] c = in.clone();
                    c[Math.min(p, in.length - 1)] = (byte) value;
                    return c;
                }
                case 1 -> {   // delete a run
                    out.write(in, 0, p);
                    out.write(in, p + n, in.length - p - n);
                }
                case 2 -> {   // duplicate a run (unbalanced brackets, a line twice)
                    out.write(in, 0, p + n);
                    out.write(in, p, in.length - p);
                }
                default -> {  // insert a token that means something to one of the formats
                    out.write(in, 0, p);
                    out.writeBytes(TOKENS.get(value % TOKENS.size()).getBytes(StandardCharsets.UTF_8));
                    out.write(in, p, in.length - p);
                }
            }
            return out.toByteArray();
        }
    }

    private static final List<String> TOKENS = List.of("[", "]", "{", "}", "(", ")", "#{", "#_", "#inst ", "\"",
            "\\", ":", "::", "nil", "-", "9223372036854775808", "1.5", "1/2", "\n", "\r\n", "\t", ",", ";",
            "\0", "\uFEFF", "\u2028", "jepsen.util - ", ":invoke", ":ok", ":info", "{\"", "\":", "null",
            "1e999", "NaN", "\"\\u0000\"", "\\newline", "#", "^", "'", "`", "~@", "\uD800");

    private record Mutant(int sample, List<Edit> edits) {
    }

    private static final Gen<Edit> EDITS = Gen.zip(
            Gen.tuple(Gen.integers(0, 3), Gen.integers(0, 10_000)),
            Gen.tuple(Gen.integers(1, 40), Gen.integers(0, 255)),
            (a, b) -> new Edit(a.first(), a.second(), b.first(), b.second()));

    @Test
    void mutatedInputGivesADocumentedExitAndOneLine() {
        Gen<Mutant> mutants = Gen.zip(Gen.integers(0, SAMPLES.size() - 1), EDITS.list(1, 6), Mutant::new);
        Property.forAll(mutants).tries(150).verify(m -> {
            Sample s = SAMPLES.get(m.sample());
            byte[] b = s.text().getBytes(StandardCharsets.UTF_8);
            for (Edit e : m.edits()) {
                b = e.apply(b);
            }
            read(s, b, true);
            check(s, b, m.edits().size() % 2 == 0);
        });
    }

    @Test
    void randomBytesGiveADocumentedExitAndOneLine() {
        Gen<List<Integer>> bytes = Gen.integers(0, 255).list(0, 300);
        Gen<String> soup = Gen.strings("[]{}()#_:\" \n\\;,0123456789-abcnil.e/", 0, 200);
        Property.forAll(Gen.integers(0, SAMPLES.size() - 1), bytes).tries(60).verify(t -> {
            byte[] b = new byte[t.second().size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) t.second().get(i);
            }
            read(SAMPLES.get(t.first()), b, true);
            check(SAMPLES.get(t.first()), b, b.length % 2 == 0);
        });
        Property.forAll(Gen.integers(0, SAMPLES.size() - 1), soup).tries(60).verify(t -> {
            byte[] b = t.second().getBytes(StandardCharsets.UTF_8);
            read(SAMPLES.get(t.first()), b, true);
            check(SAMPLES.get(t.first()), b, b.length % 2 == 0);
        });
    }

    private Path write(Sample s, byte[] bytes) throws Exception {
        Path p = dir.resolve((files++) + "-" + s.name());
        Files.write(p, bytes);
        return p;
    }

    /** The reader told the format (and detecting it): a history, or one located one-line error. */
    private void read(Sample s, byte[] bytes, boolean detectToo) throws Exception {
        Path p = write(s, bytes);
        for (HistoryFormat f : detectToo ? List.of(s.format(), HistoryFormat.AUTO) : List.of(s.format())) {
            try {
                HistoryReaders.read(p, f);
            } catch (HistoryFormatException e) {
                String m = e.getMessage();
                assertTrue(m.startsWith(p + ":" + e.line() + ":" + e.column() + ": "), m);
                assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
                assertFalse(e.reason().isBlank(), m);
                assertNoInternals(m, show(bytes));
            } catch (Throwable t) {
                fail(f + " reader on " + show(bytes) + " threw " + t, t);
            }
        }
    }

    private record Outcome(int exit, String out, String err) {
    }

    /** The command in-process, as a user runs it, with standard output and error captured. */
    private Outcome check(Sample s, byte[] bytes, boolean json) throws Exception {
        return check(s, bytes, json, calls++ % 20 == 0);
    }

    private Outcome check(Sample s, byte[] bytes, boolean json, boolean viaMain) throws Exception {
        Path p = write(s, bytes);
        List<String> args = new ArrayList<>(List.of("check", p.toString(), "--model", s.model(), "--time-limit", "5s"));
        if (json) {
            args.add("--json");
        }
        Outcome o = viaMain ? viaMain(args, bytes) : reused(args, bytes);
        String what = String.join(" ", args) + " on " + show(bytes) + "\n--- out\n" + o.out() + "--- err\n" + o.err();
        assertTrue(DOCUMENTED.contains(o.exit()), "exit " + o.exit() + ": " + what);
        if (o.exit() == 2) {
            assertEquals(1, o.err().lines().count(), "one line on standard error: " + what);
            assertTrue(o.err().startsWith("faultline: " + p + ":"), "names the file: " + what);
            assertNoInternals(o.err(), what);
        } else {
            assertEquals("", o.err(), what);
        }
        return o;
    }

    private Outcome reused(List<String> args, byte[] bytes) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        reused.setOut(new PrintWriter(out, true));
        reused.setErr(new PrintWriter(err, true));
        try {
            int exit = reused.execute(args.toArray(String[]::new));
            return new Outcome(exit, out.toString(), err.toString());
        } catch (Throwable t) {
            throw new AssertionError("check threw on " + show(bytes) + ": " + t, t);
        }
    }

    private static Outcome viaMain(List<String> args, byte[] bytes) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.execute(args.toArray(String[]::new));
        } catch (Throwable t) {
            throw new AssertionError("check threw on " + show(bytes) + ": " + t, t);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoInternals(String message, String what) {
        for (String word : INTERNALS) {
            assertFalse(message.contains(word), "'" + word + "' in: " + message + " (input " + what + ")");
        }
    }

    private static String show(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        s = s.length() > 300 ? s.substring(0, 300) + "...(" + bytes.length + " bytes)" : s;
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\0", "\\0") + "\"";
    }
}

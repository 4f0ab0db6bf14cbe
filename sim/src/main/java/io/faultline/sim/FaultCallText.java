package io.faultline.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads {@link FaultCall} text, and the words a call's text is made of (host names, link specs). */
final class FaultCallText {
    private FaultCallText() {
    }

    static FaultCall parse(String text) {
        String[] w = text.trim().split(" +");
        String verb = w[0];
        return switch (verb) {
            case "crash" -> new FaultCall.Crash(arg(w, 1, 2));
            case "restart" -> new FaultCall.Restart(arg(w, 1, 2));
            case "pause" -> new FaultCall.Pause(arg(w, 1, 2));
            case "resume" -> new FaultCall.Resume(arg(w, 1, 2));
            case "cut" -> new FaultCall.Cut(arg(w, 1, 3), arg(w, 2, 3));
            case "cut-one-way" -> new FaultCall.CutOneWay(arg(w, 1, 3), arg(w, 2, 3));
            case "cut-channel" -> new FaultCall.CutChannel(arg(w, 1, 4), arg(w, 2, 4), arg(w, 3, 4));
            case "isolate" -> new FaultCall.Isolate(arg(w, 1, 2));
            case "partition" -> partition(w);
            case "heal" -> new FaultCall.Heal(arg(w, 1, 3), arg(w, 2, 3));
            case "heal-all" -> {
                arity(w, 1);
                yield new FaultCall.HealAll();
            }
            case "link" -> new FaultCall.Link(arg(w, 1, 8), arg(w, 2, 8), linkSpec(w));
            case "clock-skew" -> new FaultCall.ClockSkew(arg(w, 1, 3), number(w, 2, 3));
            case "clock-jump" -> new FaultCall.ClockJump(arg(w, 1, 3), number(w, 2, 3));
            case "clock-drift" -> new FaultCall.ClockDrift(arg(w, 1, 3), decimal(w[Math.min(2, w.length - 1)], text));
            case "disk-full" -> new FaultCall.DiskFull(arg(w, 1, 3), bool(arg(w, 2, 3), text));
            case "disk-corrupt" -> new FaultCall.DiskCorrupt(arg(w, 1, 3), arg(w, 2, 3));
            case "disk-wipe" -> new FaultCall.DiskWipe(arg(w, 1, 2));
            default -> throw new IllegalArgumentException("unknown fault call \"" + verb + "\"; allowed: "
                    + String.join(", ", FaultCall.VERBS));
        };
    }

    static Host host(Simulation sim, String name) {
        return sim.host(name).orElseThrow(() -> new IllegalArgumentException("no host named " + name
                + " in this run"));
    }

    static HostId id(Simulation sim, String name) {
        return host(sim, name).id();
    }

    /** A link spec as words: its latency, then loss, duplicate and reorder probabilities and bandwidth. */
    static String spec(LinkSpec s) {
        return latency(s.latency()) + " " + s.loss() + " " + s.duplicate() + " " + s.reorder() + " "
                + s.bandwidthBytesPerSecond();
    }

    private static String latency(Latency l) {
        if (l instanceof Latency.Constant c) {
            return "constant:" + c.nanos();
        }
        if (l instanceof Latency.Uniform u) {
            return "uniform:" + u.minNanos() + ":" + u.maxNanos();
        }
        if (l instanceof Latency.LogNormal n) {
            return "lognormal:" + n.medianNanos() + ":" + n.sigma() + ":" + n.tailProbability() + ":" + n.tailMultiplier();
        }
        throw new IllegalStateException("a latency with no text form: " + l);
    }

    private static LinkSpec linkSpec(String[] w) {
        String text = String.join(" ", w);
        arity(w, 8);
        String[] l = w[3].split(":");
        Latency latency = switch (l[0]) {
            case "constant" -> l.length == 2 ? new Latency.Constant(whole(l[1], text)) : null;
            case "uniform" -> l.length == 3 ? new Latency.Uniform(whole(l[1], text), whole(l[2], text)) : null;
            case "lognormal" -> l.length == 5 ? new Latency.LogNormal(whole(l[1], text), decimal(l[2], text),
                    decimal(l[3], text), decimal(l[4], text)) : null;
            default -> null;
        };
        if (latency == null) {
            throw new IllegalArgumentException("\"" + text + "\": the latency is constant:NS, uniform:MIN:MAX or"
                    + " lognormal:MEDIAN:SIGMA:TAIL_P:TAIL_X, not " + w[3]);
        }
        return new LinkSpec(latency, decimal(w[4], text), decimal(w[5], text), decimal(w[6], text), whole(w[7], text));
    }

    private static FaultCall partition(String[] w) {
        if (w.length < 2) {
            throw new IllegalArgumentException("\"partition\" needs its groups, e.g. partition n1,n2 n3");
        }
        List<List<String>> groups = new ArrayList<>();
        for (int i = 1; i < w.length; i++) {
            groups.add(w[i].equals("-") ? List.of() : Arrays.asList(w[i].split(",")));
        }
        return new FaultCall.Partition(groups);
    }

    private static void arity(String[] w, int words) {
        if (w.length != words) {
            throw new IllegalArgumentException("\"" + String.join(" ", w) + "\": " + w[0] + " takes "
                    + (words - 1) + " word" + (words == 2 ? "" : "s") + " after it");
        }
    }

    private static String arg(String[] w, int i, int words) {
        arity(w, words);
        return w[i];
    }

    private static long number(String[] w, int i, int words) {
        return whole(arg(w, i, words), String.join(" ", w));
    }

    private static long whole(String word, String text) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": " + word + " is not a whole number");
        }
    }

    private static double decimal(String word, String text) {
        try {
            return Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": " + word + " is not a number");
        }
    }

    private static boolean bool(String word, String text) {
        if (!word.equals("true") && !word.equals("false")) {
            throw new IllegalArgumentException("\"" + text + "\": " + word + " is not true or false");
        }
        return word.equals("true");
    }
}

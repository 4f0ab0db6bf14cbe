package io.faultline.checker.log;

import io.faultline.checker.history.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Elle's transaction dependency graph over ops numbered 0..n-1: write-write, write-read and
 * read-write edges, each labelled with the key and value that justify it. Searching is linear in
 * the graph: Tarjan's strongly connected components over the edges of the kinds asked for, then
 * one breadth-first search inside a component for a cycle through a given edge (FIDELITY C10).
 * Iterative throughout, so that 100,000-op histories do not overflow the stack.
 */
final class DependencyGraph {
    static final int WW = 1;
    static final int WR = 2;
    static final int RW = 4;

    /** One dependency: {@code from} must precede {@code to}, because of {@code value} of {@code key}. */
    record Edge(int from, int to, int kind, Value key, Value value) {
        String label() {
            return kind == WW ? "ww" : kind == WR ? "wr" : "rw";
        }
    }

    private final int nodes;
    private final List<Edge> edges = new ArrayList<>();

    DependencyGraph(int nodes) {
        this.nodes = nodes;
    }

    /** Adds an edge; self-loops say nothing about order and are dropped. */
    void add(int from, int to, int kind, Value key, Value value) {
        if (from != to) {
            edges.add(new Edge(from, to, kind, key, value));
        }
    }

    int size() {
        return edges.size();
    }

    /**
     * The strongly connected components of the subgraph of edges whose kind is in {@code mask}:
     * {@code comp[v]} for every node, and components with one node marked -1 (no cycle there).
     */
    int[] components(int mask) {
        int[][] adj = adjacency(mask);
        int[] index = new int[nodes];
        int[] low = new int[nodes];
        int[] comp = new int[nodes];
        Arrays.fill(index, -1);
        Arrays.fill(comp, -1);
        boolean[] onStack = new boolean[nodes];
        int[] stack = new int[nodes];
        int sp = 0;
        int[] callNode = new int[nodes];
        int[] callEdge = new int[nodes];
        int counter = 0;
        int comps = 0;
        for (int root = 0; root < nodes; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < adj[v].length) {
                    int w = adj[v][callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int first = sp;
                    do {
                        first--;
                    } while (stack[first] != v);
                    boolean cyclic = sp - first > 1;
                    for (int i = first; i < sp; i++) {
                        onStack[stack[i]] = false;
                        comp[stack[i]] = cyclic ? comps : -1;
                    }
                    if (cyclic) {
                        comps++;
                    }
                    sp = first;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return comp;
    }

    /** Edges of a kind in {@code kinds} whose ends share a cyclic component of {@code comp}. */
    List<Edge> inside(int[] comp, int kinds) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if ((e.kind() & kinds) != 0 && comp[e.from()] >= 0 && comp[e.from()] == comp[e.to()]) {
                out.add(e);
            }
        }
        return out;
    }

    /** A cycle finder over the edges of {@code mask} inside the components {@code comp}. */
    Cycles cycles(int[] comp, int mask) {
        return new Cycles(comp, mask);
    }

    /**
     * Breadth-first cycle search that costs only the component it explores: out-edges are indexed
     * once, and the scratch arrays are reset only where a search touched them.
     */
    final class Cycles {
        private final int[] comp;
        private final Edge[][] out;
        private final Edge[] via = new Edge[nodes];
        private final boolean[] seen = new boolean[nodes];
        private final int[] queue = new int[nodes];

        private Cycles(int[] comp, int mask) {
            this.comp = comp;
            int[] degree = new int[nodes];
            for (Edge e : edges) {
                if (keep(e, mask)) {
                    degree[e.from()]++;
                }
            }
            out = new Edge[nodes][];
            for (int i = 0; i < nodes; i++) {
                out[i] = new Edge[degree[i]];
            }
            int[] fill = new int[nodes];
            for (Edge e : edges) {
                if (keep(e, mask)) {
                    out[e.from()][fill[e.from()]++] = e;
                }
            }
        }

        private boolean keep(Edge e, int mask) {
            return (e.kind() & mask) != 0 && comp[e.from()] >= 0 && comp[e.from()] == comp[e.to()];
        }

        /**
         * A shortest cycle that starts with {@code first} and then follows the finder's edges; the
         * edges in order, or empty if there is none.
         */
        List<Edge> through(Edge first) {
            int head = 0;
            int tail = 0;
            queue[tail++] = first.to();
            seen[first.to()] = true;
            List<Edge> cycle = List.of();
            while (head < tail) {
                int v = queue[head++];
                if (v == first.from()) {
                    cycle = new ArrayList<>();
                    for (int u = v; u != first.to(); u = via[u].from()) {
                        cycle.add(via[u]);
                    }
                    cycle.add(first);
                    Collections.reverse(cycle);
                    break;
                }
                for (Edge e : out[v]) {
                    if (!seen[e.to()]) {
                        seen[e.to()] = true;
                        via[e.to()] = e;
                        queue[tail++] = e.to();
                    }
                }
            }
            for (int i = 0; i < tail; i++) {
                seen[queue[i]] = false;
                via[queue[i]] = null;
            }
            return cycle;
        }
    }

    private int[][] adjacency(int mask) {
        int[] degree = new int[nodes];
        for (Edge e : edges) {
            if ((e.kind() & mask) != 0) {
                degree[e.from()]++;
            }
        }
        int[][] adj = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            adj[i] = new int[degree[i]];
        }
        int[] fill = new int[nodes];
        for (Edge e : edges) {
            if ((e.kind() & mask) != 0) {
                adj[e.from()][fill[e.from()]++] = e.to();
            }
        }
        return adj;
    }
}

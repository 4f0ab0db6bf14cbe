package io.faultline.checker.io;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.CollectionBuilder;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads EDN forms from a text with edn-java, knowing where they are: edn-java reports no positions,
 * so we feed it through our own {@link Parseable} (which knows the offset of the last character it
 * handed out) and build maps through our own factory (which notes where each map opened).
 *
 * <p>Maps come out as {@link EdnMap} (entries in file order, plus the offset of their brace),
 * vectors and lists as {@link List}, sets as insertion-ordered {@link Set}s (edn-java's default is a
 * hash set, whose order could vary).
 */
final class EdnSource {

    /** A map as read, with the offset of its opening brace. */
    record EdnMap(int offset, Map<Object, Object> entries) {
    }

    /** A vector or list as read, with the offset where each of its elements starts. */
    static final class EdnList extends java.util.AbstractList<Object> {
        private final List<Object> items;
        private final int[] offsets;

        EdnList(List<Object> items, int[] offsets) {
            this.items = Collections.unmodifiableList(items);
            this.offsets = offsets;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        int offsetOf(int index) {
            return offsets[index];
        }
    }

    private final String source;
    private final String text;
    private final LineIndex lines;
    private final Cursor cursor;
    private final Parser parser;
    /** Offsets of the collections opened and not yet closed, innermost last. */
    private final Deque<Integer> open = new ArrayDeque<>();

    EdnSource(String source, String text) {
        this.source = source;
        this.text = text;
        this.lines = new LineIndex(text);
        this.cursor = new Cursor(text);
        Parser.Config config = Parsers.newParserConfigBuilder()
                .setMapFactory(() -> new MapBuilder(opened()))
                .setVectorFactory(() -> new ListBuilder(opened()))
                .setListFactory(() -> new ListBuilder(opened()))
                .setSetFactory(() -> new SetBuilder(opened()))
                .build();
        this.parser = Parsers.newParser(config);
    }

    /** A top-level form as edn-java gives it ({@code null} for {@code nil}). */
    record Form(Object value) {
    }

    /** The next top-level form, or empty at the end of the text. */
    Optional<Form> next() throws HistoryFormatException {
        open.clear();
        try {
            Object v = parser.nextValue(cursor);
            return v == Parser.END_OF_INPUT ? Optional.empty() : Optional.of(new Form(v));
        } catch (EdnException e) {
            throw syntaxError(e);
        } catch (StackOverflowError e) {
            // Collections are capped in opened(); a long chain of tags (#a #a #a ... 1) nests too,
            // without opening a collection. The parse is abandoned, so nothing is left half-built.
            throw errorAt(Math.max(0, cursor.pos - 1), "values nested too deeply (tagged values inside tagged values)");
        }
    }

    /** The offset where the next form starts (after blanks, commas and comments); for messages. */
    int peekFormStart() {
        return skipBlank(cursor.pos);
    }

    private int skipBlank(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    SourcePosition positionOf(int offset) {
        return lines.at(offset);
    }

    HistoryFormatException errorAt(int offset, String reason) {
        return new HistoryFormatException(source, lines.at(offset), reason);
    }

    private int opened() {
        // The parser asks for a builder right after consuming the opening bracket.
        int at = cursor.pos - 1;
        if (open.size() >= HistoryReaders.MAX_NESTING) {
            // edn-java parses by recursion: without a cap, a deeply nested file overflows the stack.
            throw new MapShapeException(at, "values nested more than " + HistoryReaders.MAX_NESTING
                    + " levels deep (the " + bracketName(text.charAt(at)) + " opened here is one level too deep)");
        }
        open.addLast(at);
        return at;
    }

    private void closed() {
        open.pollLast();
    }

    private HistoryFormatException syntaxError(EdnException e) {
        if (e instanceof MapShapeException m) {
            return errorAt(m.offset, m.getMessage());
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cursor.pos >= text.length() && cursor.sawEnd) {
            String reason = "truncated EDN: unexpected end of input";
            if (!open.isEmpty()) {
                int at = open.peekLast();
                reason += " (the " + bracketName(text.charAt(at)) + " opened at " + lines.at(at) + " is not closed)";
            }
            return errorAt(text.length(), reason);
        }
        return errorAt(Math.max(0, cursor.pos - 1), "malformed EDN: " + what);
    }

    private static String bracketName(char c) {
        if (c == '{') {
            return "map";
        }
        if (c == '[') {
            return "vector";
        }
        return c == '(' ? "list" : "collection";
    }

    /** A {@link Parseable} over a string that remembers how far edn-java has read. */
    private static final class Cursor implements Parseable {
        private final String text;
        int pos;
        boolean sawEnd;

        Cursor(String text) {
            this.text = text;
        }

        @Override
        public int read() {
            if (pos < text.length()) {
                return text.charAt(pos++);
            }
            sawEnd = true;
            return END_OF_INPUT;
        }

        @Override
        public void unread(int ch) {
            if (ch != END_OF_INPUT) {
                pos--;
            }
        }

        @Override
        public void close() {
        }
    }

    private final class MapBuilder implements CollectionBuilder {
        private final int offset;
        private final List<Object> items = new ArrayList<>();

        MapBuilder(int offset) {
            this.offset = offset;
        }

        @Override
        public void add(Object o) {
            items.add(o);
        }

        @Override
        public Object build() {
            closed();
            if (items.size() % 2 != 0) {
                throw new MapShapeException(offset, "a map needs an even number of forms (a key without a value)");
            }
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i += 2) {
                if (m.put(items.get(i), items.get(i + 1)) != null) {
                    throw new MapShapeException(offset, "duplicate key " + items.get(i) + " in map");
                }
            }
            return new EdnMap(offset, Collections.unmodifiableMap(m));
        }
    }

    private final class ListBuilder implements CollectionBuilder {
        private final List<Object> items = new ArrayList<>();
        private int[] offsets = new int[8];
        /** Where the previous element ended: edn-java hands us an element right after reading it. */
        private int lastEnd;

        ListBuilder(int offset) {
            this.lastEnd = offset + 1;
        }

        @Override
        public void add(Object o) {
            if (items.size() == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[items.size()] = skipBlank(lastEnd);
            items.add(o);
            lastEnd = cursor.pos;
        }

        @Override
        public Object build() {
            closed();
            return new EdnList(items, offsets);
        }
    }

    private final class SetBuilder implements CollectionBuilder {
        private final Set<Object> items = new LinkedHashSet<>();

        SetBuilder(int ignoredOffset) {
        }

        @Override
        public void add(Object o) {
            items.add(o);
        }

        @Override
        public Object build() {
            closed();
            return Collections.unmodifiableSet(items);
        }
    }

    /** Thrown from inside edn-java's parse when a map is ill-formed; carries the map's offset. */
    static final class MapShapeException extends EdnException {
        private static final long serialVersionUID = 1L;
        final int offset;

        MapShapeException(int offset, String message) {
            super(message);
            this.offset = offset;
        }
    }
}

package io.faultline.checker.io;

import java.util.Arrays;

/** Turns character offsets of a text into line:column positions (one pass to index, then binary search). */
final class LineIndex {
    private final int[] lineStarts;
    private final int length;

    LineIndex(CharSequence text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
    }

    /** The position of the character at {@code offset}; an offset past the end is the end. */
    SourcePosition at(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(lineStarts, o);
        int line = i >= 0 ? i : -i - 2;
        return new SourcePosition(line + 1, o - lineStarts[line] + 1);
    }
}

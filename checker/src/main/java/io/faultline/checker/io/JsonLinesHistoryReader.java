package io.faultline.checker.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

/**
 * Reads faultline's JSON Lines histories: one op object per line,
 * {@code {"index":0,"process":1,"type":"invoke","f":"write","value":3,"time":123}}. {@code process},
 * {@code type} and {@code f} are required; {@code value} defaults to {@code null} (nil) and
 * {@code time} (nanoseconds) is optional; {@code index} is ignored (ops are renumbered in line order)
 * and so are other keys. Blank lines are skipped. Values follow {@link JsonValues}.
 */
final class JsonLinesHistoryReader {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(HistoryReaders.MAX_NESTING).build())
            .build());

    private JsonLinesHistoryReader() {
    }

    static HistoryFile read(String source, String text) throws HistoryFormatException {
        List<Op> ops = new ArrayList<>();
        List<SourcePosition> positions = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            ops.add(parseLine(source, lineNo, line, ops.size()));
            int indent = 0;
            while (Character.isWhitespace(line.charAt(indent))) {
                indent++;
            }
            positions.add(new SourcePosition(lineNo, indent + 1));
        }
        return new HistoryFile(source, HistoryFormat.JSONL, History.of(ops), positions);
    }

    private static Op parseLine(String source, int lineNo, String line, int index) throws HistoryFormatException {
        try (JsonParser p = MAPPER.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, lineNo, p.currentTokenLocation(), "expected one op object per line, {\"process\":..., ...}");
            }
            Integer process = null;
            OpType type = null;
            String f = null;
            Value value = Value.NIL;
            OptionalLong time = OptionalLong.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                switch (name) {
                    case "process" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                            throw error(source, lineNo, at, "\"process\" must be an integer, found " + p.getText());
                        }
                        process = p.getIntValue();
                    }
                    case "type" -> {
                        Optional<OpType> ot = t == JsonToken.VALUE_STRING ? OpType.fromKeyword(p.getText()) : Optional.empty();
                        if (ot.isEmpty()) {
                            throw error(source, lineNo, at, "unknown op type " + p.getText()
                                    + " (allowed: \"invoke\", \"ok\", \"fail\", \"info\")");
                        }
                        type = ot.get();
                    }
                    case "f" -> {
                        if (t != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
                            throw error(source, lineNo, at, "\"f\" must be a non-empty string such as \"read\"");
                        }
                        f = p.getText();
                    }
                    case "time" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw error(source, lineNo, at, "\"time\" must be an integer (nanoseconds), found " + p.getText());
                        }
                        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            throw error(source, lineNo, at, "\"time\" " + p.getText() + " does not fit in 64 bits");
                        }
                        time = OptionalLong.of(p.getLongValue());
                    }
                    case "value" -> {
                        JsonNode node = p.readValueAsTree();
                        try {
                            value = JsonValues.fromJson(node);
                        } catch (IllegalArgumentException e) {
                            throw error(source, lineNo, at, e.getMessage());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw error(source, lineNo, p.currentTokenLocation(), "malformed JSON object");
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw error(source, lineNo, p.currentTokenLocation(), "one op object per line: found more after it");
            }
            String missing = process == null ? "process" : type == null ? "type" : f == null ? "f" : null;
            if (missing != null) {
                throw new HistoryFormatException(source, lineNo, 1, "op has no \"" + missing
                        + "\" (an op has \"process\", \"type\" and \"f\", optionally \"value\" and \"time\")");
            }
            return new Op(index, process, type, f, value, time);
        } catch (JsonProcessingException e) {
            return throwAt(source, lineNo, e.getLocation(), JsonValues.plainMessage(e));
        } catch (IOException e) {
            throw new HistoryFormatException(source, lineNo, 1, "cannot read this line: " + firstLine(e.getMessage()));
        }
    }

    private static Op throwAt(String source, int lineNo, JsonLocation at, String reason) throws HistoryFormatException {
        throw error(source, lineNo, at, reason);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static HistoryFormatException error(String source, int lineNo, JsonLocation at, String reason) {
        int column = at == null || at.getColumnNr() < 1 ? 1 : at.getColumnNr();
        return new HistoryFormatException(source, lineNo, column, reason);
    }
}

package io.faultline.faults;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

import io.faultline.checker.io.JsonValues;

/**
 * Reads and writes fault schedules as small JSON files, one event per line:
 *
 * <pre>{@code
 * {
 *   "version" : 1,
 *   "events" : [
 *     {"at":"200ms","kind":"partition","shape":"isolate","target":"role:primary","for":"500ms"},
 *     {"at":"1s","kind":"crash","target":"host:n2","for":"300ms"}
 *   ]
 * }
 * }</pre>
 *
 * Durations are strings with a unit ({@code ns us ms s m}); targets are {@code host:NAME},
 * {@code role:NAME} or {@code random:GROUP}. A bad file gives a {@link ScheduleFormatException}
 * naming the file, line and column and what is allowed there.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ScheduleJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ScheduleJson() {
    }

    /** Reads a schedule file; errors name the file's path. */
    public static FaultSchedule read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ScheduleFormatException(file.toString(), 1, 1, "is a directory, not a schedule file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScheduleFormatException(file.toString(), 1, 1, "no such file");
        } catch (CharacterCodingException e) {
            // Was "cannot read the file: Input length = 1", the decoder's words.
            throw new ScheduleFormatException(file.toString(), 1, 1, "not a text file (not UTF-8; is it a binary file?)");
        } catch (IOException e) {
            throw new ScheduleFormatException(file.toString(), 1, 1, "cannot read the file ("
                    + (e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage()) + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses schedule JSON; {@code source} names it in error messages (a file name, say). */
    public static FaultSchedule parse(String json, String source) {
        try (JsonParser p = JSON.createParser(json)) {
            List<FaultEvent> events = new EventReader(p, source).readDocument();
            return FaultSchedule.of(events);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScheduleFormatException(source, at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()), JsonValues.plainMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the schedule to a file, creating parent directories. */
    public static void write(FaultSchedule schedule, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(schedule), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schedule as JSON text, one event per line, ending with a newline. */
    public static String toJson(FaultSchedule schedule) {
        StringBuilder out = new StringBuilder("{\n  \"version\" : 1,\n  \"events\" : [");
        List<FaultEvent> events = schedule.events();
        for (int i = 0; i < events.size(); i++) {
            out.append(i == 0 ? "\n    " : ",\n    ").append(eventJson(events.get(i)));
        }
        out.append(events.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return out.toString();
    }

    private static String eventJson(FaultEvent e) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("at", TimeText.format(e.at()));
            g.writeStringField("kind", e.kind());
            EventShape.of(e).writeJson(e, g);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    /** Streams the document, keeping each value's location for messages. */
    private static final class EventReader {
        private final JsonParser p;
        private final String source;

        EventReader(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        List<FaultEvent> readDocument() throws IOException {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return readEvents();
            }
            if (first != JsonToken.START_OBJECT) {
                throw error("expected an object with \"events\" (a list of fault events)");
            }
            List<FaultEvent> events = List.of();
            boolean sawEvents = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("version")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                        throw error("unsupported \"version\"; allowed: 1");
                    }
                } else if (name.equals("events")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw error("\"events\" must be a list of fault events");
                    }
                    events = readEvents();
                    sawEvents = true;
                } else {
                    throw error("unknown field \"" + name + "\"; allowed fields: version, events");
                }
            }
            if (!sawEvents) {
                throw error("missing \"events\" (a list of fault events)");
            }
            return events;
        }

        private List<FaultEvent> readEvents() throws IOException {
            List<FaultEvent> events = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw error("expected a fault event object such as {\"at\":\"1s\",\"kind\":\"heal\"}");
                }
                events.add(readEvent());
            }
            return events;
        }

        private FaultEvent readEvent() throws IOException {
            JsonLocation start = p.currentTokenLocation();
            EventFields fields = new EventFields(source, start.getLineNr(), start.getColumnNr());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, p.getText(), true, at.getLineNr(), at.getColumnNr());
                } else if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                    fields.put(name, p.getText(), false, at.getLineNr(), at.getColumnNr());
                } else {
                    throw error("field \"" + name + "\" must be a string or a number");
                }
            }
            return fields.toEvent();
        }

        private ScheduleFormatException error(String problem) {
            JsonLocation at = p.currentTokenLocation();
            return new ScheduleFormatException(source, at.getLineNr(), at.getColumnNr(), problem);
        }
    }
}

package io.faultline.serve.s3.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One HTTP response to write: status, headers, body; a large body instead as a {@link Streamed}
 * (its Content-Length among the headers), written to the client as it is read.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, Optional<Streamed> stream) {
    public HttpAnswer {
        headers = new LinkedHashMap<>(headers);
    }

    public HttpAnswer(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, Optional.empty());
    }

    /** A body written piece by piece to the client. */
    @FunctionalInterface
    public interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    public HttpAnswer withStatus(int newStatus) {
        return new HttpAnswer(newStatus, headers, body, stream);
    }

    /** This answer with its body streamed. */
    public HttpAnswer streaming(Streamed body) {
        return new HttpAnswer(status, headers, new byte[0], Optional.of(body));
    }

    public static HttpAnswer xml(int status, String xml) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/xml");
        return new HttpAnswer(status, h, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpAnswer empty(int status) {
        return new HttpAnswer(status, Map.of(), new byte[0]);
    }

    /** S3's error document (FIDELITY A16.4); a HEAD answer carries the status alone. */
    public static HttpAnswer error(int status, String code, String message, String resource, String requestId, boolean head) {
        if (head || status == 304) {
            return empty(status);
        }
        return xml(status, "<Error>" + Xml.el("Code", code) + Xml.el("Message", message) + Xml.el("Resource", resource)
                + Xml.el("RequestId", requestId) + "</Error>");
    }

    public HttpAnswer with(String header, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(header, value);
        return new HttpAnswer(status, h, body, stream);
    }
}

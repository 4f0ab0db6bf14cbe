package io.faultline.serve.s3.website;

import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Static website hosting (FIDELITY A16.12): the {@code ?website} sub-resource, and the website
 * endpoint, {@code BUCKET.s3-website.localhost:PORT}, which answers anonymous GET and HEAD only,
 * with HTML: index documents for "folders", a redirect from {@code dir} to {@code dir/}, the error
 * document with the error's status, redirects of all requests and routing rules. It serves only
 * what anonymous callers may read; everything else is 403, whatever the request carries.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class WebsiteEndpoint {
    private static final String SUFFIX = ".s3-website.localhost";

    /** What a read of one object returned: its status and, for 200, its content (bytes or a stream, and its length). */
    public record Fetched(int status, String code, HttpAnswer content) {
        /** A read that failed with {@code status} and S3's error {@code code}. */
        public Fetched(int status, String code) {
            this(status, code, HttpAnswer.empty(status));
        }
    }

    /** Reads an object as an anonymous caller would, through the model. */
    @FunctionalInterface
    public interface Reader {
        Fetched read(String bucket, String key);
    }

    private final TreeMap<String, WebsiteConfig> configs = new TreeMap<>();

    /** The bucket a website host names ({@code photos.s3-website.localhost:9000}), if it is one. */
    public static Optional<String> bucketOf(String hostHeader) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        host = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        return host.endsWith(SUFFIX) && host.length() > SUFFIX.length()
                ? Optional.of(host.substring(0, host.length() - SUFFIX.length())) : Optional.empty();
    }

    /** {@code ?website} on the REST endpoint (the caller is already authorized as the owner). */
    public synchronized Optional<HttpAnswer> local(WireRequest w) {
        if (!w.hasParam("website") || !w.key().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (w.method()) {
            case "PUT" -> {
                configs.put(w.bucket(), WebsiteConfig.parse(w.body()));
                yield HttpAnswer.empty(200);
            }
            case "GET" -> {
                WebsiteConfig c = configs.get(w.bucket());
                if (c == null) {
                    throw new Refusal(404, "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration");
                }
                yield HttpAnswer.xml(200, c.document().replaceFirst("^<\\?xml[^>]*>\\s*", ""));
            }
            case "DELETE" -> {
                configs.remove(w.bucket());
                yield HttpAnswer.empty(204);
            }
            default -> throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        });
    }

    public synchronized void bucketDeleted(String bucket) {
        configs.remove(bucket);
    }

    private synchronized Optional<WebsiteConfig> config(String bucket) {
        return Optional.ofNullable(configs.get(bucket));
    }

    /** The website endpoint's answer to {@code method /key} on {@code bucket}. */
    public HttpAnswer serve(String method, String bucket, String key, String host, Reader reader) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return page(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        Optional<WebsiteConfig> found = config(bucket);
        if (found.isEmpty()) {
            return page(404, "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration");
        }
        WebsiteConfig c = found.get();
        if (c.redirectAllHost().isPresent()) {
            return redirect(301, c.redirectAllProtocol().orElse("http") + "://" + c.redirectAllHost().get() + "/" + key);
        }
        for (RoutingRule r : c.rules()) {
            if (r.beforeLookup() && r.applies(key, OptionalInt.empty())) {
                return redirect(r.redirectCode(), r.location(key, host));
            }
        }
        boolean folder = key.isEmpty() || key.endsWith("/");
        Fetched f = reader.read(bucket, folder ? key + c.indexSuffix() : key);
        if (f.status() == 404 && !folder && reader.read(bucket, key + "/" + c.indexSuffix()).status() == 200) {
            return redirect(302, "/" + key + "/");
        }
        if (f.status() == 200) {
            return f.content().with("Content-Type", contentType(folder ? c.indexSuffix() : key));
        }
        for (RoutingRule r : c.rules()) {
            if (!r.beforeLookup() && r.applies(key, OptionalInt.of(f.status()))) {
                return redirect(r.redirectCode(), r.location(key, host));
            }
        }
        if (c.errorKey().isPresent()) {
            Fetched e = reader.read(bucket, c.errorKey().get());
            if (e.status() == 200) {
                return e.content().withStatus(f.status()).with("Content-Type", contentType(c.errorKey().get()));
            }
        }
        return page(f.status(), f.code(), f.status() == 403 ? "Access Denied" : "The specified key does not exist.");
    }

    private static HttpAnswer redirect(int status, String location) {
        return new HttpAnswer(status, Map.of("Location", location), new byte[0]);
    }

    /** S3's HTML error page of a website endpoint. */
    private static HttpAnswer page(int status, String code, String message) {
        String title = status + (status == 403 ? " Forbidden" : status == 404 ? " Not Found" : " Error");
        String html = "<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<ul>\n<li>Code: "
                + Xml.escape(code) + "</li>\n<li>Message: " + Xml.escape(message) + "</li>\n</ul>\n<hr/>\n</body>\n</html>\n";
        return new HttpAnswer(status, Map.of("Content-Type", "text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith(".html") || k.endsWith(".htm")) {
            return "text/html";
        }
        if (k.endsWith(".css")) {
            return "text/css";
        }
        if (k.endsWith(".js")) {
            return "application/javascript";
        }
        return k.endsWith(".txt") ? "text/plain" : "binary/octet-stream";
    }
}

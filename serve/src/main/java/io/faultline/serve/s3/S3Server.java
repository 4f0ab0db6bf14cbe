package io.faultline.serve.s3;

import io.faultline.checker.history.History;
import io.faultline.checker.io.EdnHistoryWriter;
import io.faultline.models.s3.governance.Delivery;
import io.faultline.models.s3.store.Limits;
import io.faultline.serve.s3.auth.Authenticator;
import io.faultline.serve.s3.auth.AwsUri;
import io.faultline.serve.s3.blob.Blob;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.crypto.Kms;
import io.faultline.serve.s3.tls.ServerCertificate;
import io.faultline.serve.s3.tls.Tls;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.session.SessionFile;
import io.faultline.serve.s3.http.TimeBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code faultline serve s3}: the S3 model over HTTP with real SigV4 authentication (FIDELITY A16), on Jetty 12
 * (a real HTTP parser with header-size limits; no servlet layer is needed). It listens on
 * {@code 127.0.0.1} unless told otherwise. Closing it stops the model and writes the history.
 *
 * <pre>{@code
 * try (S3Server s = S3Server.start(ServeConfig.loopback(credentials).withConsistency(ConsistencyMode.LEGACY))) {
 *     URI endpoint = s.endpoint();   // point the AWS SDK here, path-style
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Server implements AutoCloseable {
    /** Jetty's own limit, above S3's 8 KB so that S3's error can be answered up to it. */
    private static final int JETTY_HEADER_LIMIT = 64 * 1024;

    private final Server jetty;
    private final LiveModel model;
    private final ServeConfig config;
    private final S3Service service;
    private final TimeBase time;
    private final Optional<X509Certificate> certificate;
    private final BlobStore blobs;

    private S3Server(Server jetty, LiveModel model, ServeConfig config, S3Service service, TimeBase time,
                     Optional<X509Certificate> certificate, BlobStore blobs) {
        this.blobs = blobs;
        this.jetty = jetty;
        this.model = model;
        this.config = config;
        this.service = service;
        this.time = time;
        this.certificate = certificate;
    }

    public static S3Server start(ServeConfig config) throws IOException {
        // First, so that a bad key store is refused before anything (the model, the blob directory) needs closing.
        Optional<ServerCertificate> tls = config.tls() instanceof Tls.Off ? Optional.empty() : Optional.of(ServerCertificate.of(config.tls()));
        long startMillis = System.currentTimeMillis();
        Optional<SessionFile.Writer> session = Optional.empty();
        if (config.session().isPresent()) {
            session = Optional.of(new SessionFile.Writer(config.session().get(), new SessionFile.Header(
                    "faultline-s3-session", 1, config.seed(), config.consistency(), startMillis, config.legacyLag().toNanos())));
        }
        LiveModel model = new LiveModel(config.seed(), config.consistency(), config.legacyLag().toNanos(), session, startMillis);
        TimeBase time = new TimeBase(startMillis);
        BlobStore blobs = BlobStore.createTemporary();
        S3Service service = new S3Service(config, new Authenticator(config.credentials(), blobs), time, model, blobs);
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("faultline-s3-http");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(JETTY_HEADER_LIMIT);
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        // SigV4 signs header values as sent: Jetty's header cache must not swap "charset=UTF-8"
        // for its cached "charset=utf-8".
        http.setHeaderCacheCaseSensitive(true);
        // Keys are names, not paths: "a/../b" is a key of its own, so Jetty must not normalize it.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector;
        if (tls.isPresent()) {
            http.addCustomizer(new SecureRequestCustomizer(false)); // SNI host checks off: clients use 127.0.0.1
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(tls.get().keyStore());
            ssl.setKeyStorePassword(tls.get().password());
            connector = new ServerConnector(jetty, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        connector.setHost(config.bind());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                IncomingRequest in = incoming(request, request.getConnectionMetaData().isSecure(), blobs);
                try {
                    HttpAnswer a = service.handle(in, Request.getRemoteAddr(request));
                    response.setStatus(a.status());
                    a.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                    boolean head = request.getMethod().equals("HEAD");
                    if (!a.headers().containsKey("Content-Length")) {
                        response.getHeaders().put("Content-Length", String.valueOf(a.body().length));
                    }
                    if (a.stream().isPresent() && !head) {
                        // A large body streams from the blob store: never whole in memory (FIDELITY A16.4).
                        try (OutputStream out = Content.Sink.asOutputStream(response)) {
                            a.stream().get().writeTo(out);
                        }
                        callback.succeeded();
                    } else {
                        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(a.body()), callback);
                    }
                } finally {
                    in.spooled().ifPresent(b -> blobs.discard(b.id().label()));
                }
                return true;
            }
        });
        try {
            jetty.start();
        } catch (Exception e) {
            model.close();
            blobs.close();
            throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        return new S3Server(jetty, model, config, service, time, tls.map(ServerCertificate::certificate), blobs);
    }

    private static IncomingRequest incoming(Request request, boolean secure, BlobStore blobs) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.merge(f.getLowerCaseName(), f.getValue() == null ? "" : f.getValue(), (a, b) -> a + "," + b);
        }
        headers.remove(S3Service.TOO_LARGE); // only the server sets these two
        headers.remove(S3Service.SECURE);
        if (secure) {
            headers.put(S3Service.SECURE, "true");
        }
        HttpURI uri = request.getHttpURI();
        byte[] body = new byte[0];
        Optional<Blob> spooled = Optional.empty();
        if (declaredSize(headers) > Limits.MAX_PUT_BYTES) {
            headers.put(S3Service.TOO_LARGE, "declared"); // not a byte read: Jetty drops the rest with the connection
        } else {
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] head = in.readNBytes(BlobStore.INLINE_LIMIT + 1);
                if (head.length <= BlobStore.INLINE_LIMIT) {
                    body = head;
                } else {
                    spooled = Optional.of(blobs.spool(out -> {
                        out.write(head);
                        copyAtMost(in, out, MAX_SENT_BYTES - head.length);
                    }));
                }
            } catch (TooLarge e) {
                headers.put(S3Service.TOO_LARGE, "sent");
            }
        }
        return new IncomingRequest(request.getMethod(), uri.getPath() == null ? "/" : uri.getPath(),
                query(uri.getQuery()), headers, body, spooled);
    }

    /**
     * The most bytes a request may send: S3's 5 GB single PUT, plus room for aws-chunked framing
     * (about 90 bytes per chunk; SDK chunks are 64 KiB and up).
     */
    private static final long MAX_SENT_BYTES = Limits.MAX_PUT_BYTES + Limits.MAX_PUT_BYTES / 512;

    private static void copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = limit;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            left -= n;
            if (left < 0) {
                throw new TooLarge();
            }
            out.write(buffer, 0, n);
        }
    }

    /** A body that streamed past {@link #MAX_SENT_BYTES} although its declared size did not say so. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("the body is larger than S3 takes in one request", null);
        }
    }

    /** The payload's declared size: an aws-chunked upload's decoded length, else Content-Length; -1 if neither parses. */
    static long declaredSize(Map<String, String> headers) {
        String v = headers.getOrDefault("x-amz-decoded-content-length", headers.getOrDefault("content-length", "-1"));
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new TreeMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = AwsUri.decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : AwsUri.decode(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** The port bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT} ({@code https} with TLS): the endpoint to give the SDK. */
    public java.net.URI endpoint() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return java.net.URI.create((certificate.isPresent() ? "https" : "http") + "://" + host + ":" + port());
    }

    /** The certificate HTTPS clients must trust (the generated one with {@code --tls}); empty on plain HTTP. */
    public Optional<X509Certificate> certificate() {
        return certificate;
    }

    /**
     * Trust managers that trust this server's certificate alone, for an HTTPS client, e.g. the SDK's
     * {@code Apache5HttpClient.builder().tlsTrustManagersProvider(server::trustManagers)}; none on plain HTTP.
     */
    public TrustManager[] trustManagers() {
        return certificate.map(ServerCertificate::trusting).orElse(new TrustManager[0]);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(config.bind(), port());
    }

    /** The simulated KMS behind SSE-KMS: its keys, their rotation and the audit trail of every use. */
    public Kms kms() {
        return service.encryption().kms();
    }

    /** Rotates SSE-S3's master key: new objects get data keys sealed under a new version. */
    public int rotateMasterKey() {
        return service.encryption().masterKeys().rotate();
    }

    /** Every event delivered so far to a queue or function ARN (FIDELITY A16.13), in delivery order. */
    public List<Delivery> deliveries(String arn) {
        return model.governance(g -> g.deliveries(arn));
    }

    /**
     * The message bodies a queue or function received, in order (FIDELITY A16.13): one per delivery,
     * in S3's JSON event structure, and, for a queue, the {@code s3:TestEvent} of each notification
     * configuration that named it, where it fell.
     */
    public List<String> messages(String arn) {
        return model.messages(arn, time, etag -> service.encryption().sealedBy(etag));
    }

    /** The judged history so far (what {@code --history} writes at the end). */
    public History history() {
        return model.history();
    }

    /** Stops listening, then writes the history file if one was asked for. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
        }
        try {
            if (config.history().isPresent()) {
                EdnHistoryWriter.write(model.history(), config.history().get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + config.history().get(), e);
        } finally {
            model.close();
            blobs.close();
        }
    }

    @Override
    public String toString() {
        return "S3Server[" + endpoint() + ", " + config.consistency().name().toLowerCase(Locale.ROOT) + "]";
    }
}

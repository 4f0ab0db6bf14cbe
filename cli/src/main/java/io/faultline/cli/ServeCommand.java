package io.faultline.cli;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.models.s3.store.Limits;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.tls.Tls;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code faultline serve s3}: serves the S3 model over S3's REST API, with SigV4, in real time, until
 * stopped (Ctrl-C) or {@code --stop-after}; then writes {@code --history}. Prints the endpoint and
 * the port it bound first, so a script can read it.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a model over its real protocol, in real time, for your own application and the real SDK.",
            "s3: the S3 REST API with AWS Signature V4 (path-style and virtual-hosted-style), on 127.0.0.1 unless --bind.",
            "Exit: 0 after a clean stop, 2 bad input."})
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "What to serve: s3.")
    String model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port (default 0: a free one, printed).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1: this machine only).")
    String bind;

    @Option(names = "--consistency", paramLabel = "MODE", defaultValue = "strong",
            description = "legacy (S3 before 2020-12: stale reads after overwrites) or strong (default).")
    String consistency;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The model's seed (default 0).")
    long seed;

    @Option(names = "--session", paramLabel = "FILE",
            description = "Record every request's arrival here, for `faultline run s3/replay --session FILE`.")
    Path session;

    @Option(names = "--history", paramLabel = "FILE",
            description = "When stopped, write the clients' history here (EDN), for `faultline check FILE --model s3-object`.")
    Path history;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "Access keys, one a line: ACCOUNT ACCESS_KEY_ID SECRET_KEY.")
    Path credentials;

    @Option(names = "--access-key", paramLabel = "ID", description = "One access key id (with --secret-key), of account 'default'.")
    String accessKey;

    @Option(names = "--secret-key", paramLabel = "SECRET", description = "Its secret key.")
    String secretKey;

    @Option(names = "--bucket-quota", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_BUCKETS,
            description = "Buckets per account (default ${DEFAULT-VALUE}, S3's default since November 2024; it was 100 before).")
    int bucketQuota;

    @Option(names = "--legacy-lag", paramLabel = "D", defaultValue = "100ms",
            description = "Legacy mode: the mean propagation lag between index replicas, e.g. 100ms (default), 10m;"
                    + " capped at 20 times it. A long lag keeps reads after an overwrite stale for a whole test.")
    String legacyLag;

    @Option(names = "--tls", description = "Serve HTTPS with a self-signed certificate generated at start for 127.0.0.1 and"
            + " localhost (its SHA-256 fingerprint is printed). SSE-C requests need HTTPS, as in S3.")
    boolean tls;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the first key entry of this PKCS#12 (or .jks) key store; password in --tls-password.")
    Path tlsKeystore;

    @Option(names = "--tls-password", paramLabel = "SECRET", defaultValue = "", description = "The key store's password.")
    String tlsPassword;

    @Option(names = "--stop-after", paramLabel = "D", description = "Stop after this much wall time, e.g. 30s, 10m (default: run until Ctrl-C).")
    String stopAfter;

    /** The key used when none is configured: printed at start, so nobody mistakes it for a secret. */
    static final AccessKey DEFAULT_KEY = new AccessKey("faultline", "faultline-secret", "default");

    @Override
    public Integer call() throws Exception {
        if (!model.equals("s3")) {
            throw new ExitCodes.BadInput("serve: unknown model '" + model + "' (allowed: s3)");
        }
        ConsistencyMode mode = switch (consistency.toLowerCase(Locale.ROOT)) {
            case "legacy" -> ConsistencyMode.LEGACY;
            case "strong" -> ConsistencyMode.STRONG;
            default -> throw new ExitCodes.BadInput("--consistency: '" + consistency + "' is not one of legacy, strong");
        };
        if (seed < 0) {
            throw new ExitCodes.BadInput("--seed " + seed + ": a seed is a whole number from 0 to " + Long.MAX_VALUE);
        }
        if (bucketQuota < 1) {
            throw new ExitCodes.BadInput("--bucket-quota " + bucketQuota + ": a quota is a whole number of at least 1");
        }
        if (tls && tlsKeystore != null) {
            throw new ExitCodes.BadInput("--tls and --tls-keystore: choose one");
        }
        Tls transport = tls ? new Tls.SelfSigned() : tlsKeystore != null ? new Tls.KeyStoreFile(tlsKeystore, tlsPassword) : new Tls.Off();
        Duration lag = DurationText.parse("--legacy-lag", legacyLag);
        if (lag.compareTo(ServeConfig.MAX_LEGACY_LAG) > 0) {
            throw new ExitCodes.BadInput("--legacy-lag " + legacyLag + ": at most " + ServeConfig.MAX_LEGACY_LAG.toHours() + "h");
        }
        Duration limit = stopAfter == null ? null : DurationText.parse("--stop-after", stopAfter);
        ServeConfig config = ServeConfig.loopback(credentials()).withPort(port).withBind(bind).withConsistency(mode).withSeed(seed)
                .withBucketQuota(bucketQuota).withLegacyLag(lag).withTls(transport);
        if (session != null) {
            config = config.withSession(session);
        }
        if (history != null) {
            config = config.withHistory(history);
        }
        S3Server server;
        try {
            server = S3Server.start(config);
        } catch (IOException e) {
            throw new ExitCodes.BadInput("serve s3: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("faultline serve s3 (" + mode.name().toLowerCase(Locale.ROOT) + ", seed " + seed + ") listening on "
                + server.endpoint());
        out.println("port " + server.port());
        out.println("bucket quota " + bucketQuota + " per account");
        if (server.certificate().isPresent()) {
            out.println("TLS certificate SHA-256 " + fingerprint(server.certificate().get()));
        }
        if (credentials == null && accessKey == null) {
            out.println("access key " + DEFAULT_KEY.id() + ", secret " + DEFAULT_KEY.secret()
                    + " (the default; --credentials FILE or --access-key/--secret-key for your own)");
        }
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stop.countDown();
        }, "faultline-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (limit == null) {
            stop.await();
            return ExitCodes.VALID;
        }
        if (!stop.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        }
        out.println("stopped" + (history == null ? "" : "; history: " + history)
                + (session == null ? "" : "; session: " + session));
        out.flush();
        return ExitCodes.VALID;
    }

    /** The certificate's SHA-256 fingerprint, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    static String fingerprint(X509Certificate c) throws CertificateEncodingException, NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        StringBuilder b = new StringBuilder();
        for (byte x : d) {
            b.append(b.length() == 0 ? "" : ":").append(String.format("%02X", x));
        }
        return b.toString();
    }

    private Credentials credentials() {
        if (credentials != null && (accessKey != null || secretKey != null)) {
            throw new ExitCodes.BadInput("--credentials and --access-key/--secret-key: choose one");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new ExitCodes.BadInput("--access-key and --secret-key go together");
        }
        if (credentials != null) {
            try {
                return Credentials.read(credentials);
            } catch (NoSuchFileException e) {
                throw new ExitCodes.BadInput("--credentials " + credentials + ": no such file");
            } catch (IOException | IllegalArgumentException e) {
                throw new ExitCodes.BadInput("--credentials " + e.getMessage());
            }
        }
        if (accessKey != null) {
            try {
                return Credentials.of(new AccessKey(accessKey, secretKey, "default"));
            } catch (IllegalArgumentException e) {
                throw new ExitCodes.BadInput("--access-key/--secret-key: " + e.getMessage());
            }
        }
        return Credentials.of(DEFAULT_KEY);
    }
}

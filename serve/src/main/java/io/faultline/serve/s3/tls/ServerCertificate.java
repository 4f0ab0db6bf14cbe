package io.faultline.serve.s3.tls;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apiguardian.api.API;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key store the HTTPS connector serves from, and the certificate a client must trust. A
 * self-signed one is made with BouncyCastle's certificate builder (the JDK can sign, but has no
 * public API to build an X.509 certificate): RSA 2048, SHA-256, valid from an hour ago for 30 days,
 * with the subject alternative names 127.0.0.1, ::1, localhost and *.localhost (virtual-hosted-style
 * and website hosts). Signing uses the JDK's own providers: BouncyCastle is not installed as one.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ServerCertificate(KeyStore keyStore, String password, X509Certificate certificate) {
    private static final String ALIAS = "faultline";

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate.getSubjectX500Principal() + "]"; // never the password
    }

    /** The key store {@code tls} asks for; {@link Tls.Off} has none. */
    public static ServerCertificate of(Tls tls) throws IOException {
        if (tls instanceof Tls.KeyStoreFile f) {
            return load(f);
        }
        if (tls instanceof Tls.SelfSigned) {
            return selfSigned();
        }
        throw new IllegalArgumentException("plain HTTP has no certificate");
    }

    /** Trust managers that trust {@code certificate} and nothing else: what a client of this server needs. */
    public static TrustManager[] trusting(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("faultline", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the served certificate: " + e.getMessage(), e);
        }
    }

    static ServerCertificate selfSigned() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=faultline serve s3");
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "*.localhost"),
            }));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            String password = new BigInteger(128, new SecureRandom()).toString(36);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new java.security.cert.Certificate[] {cert});
            return new ServerCertificate(ks, password, cert);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static ServerCertificate load(Tls.KeyStoreFile f) throws IOException {
        if (!Files.isRegularFile(f.file())) {
            throw new IOException("--tls-keystore " + f.file() + ": no such file");
        }
        try (InputStream in = Files.newInputStream(f.file())) {
            KeyStore ks = KeyStore.getInstance(f.file().toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, f.password().toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    return new ServerCertificate(ks, f.password(), c);
                }
            }
            throw new IOException("--tls-keystore " + f.file() + ": no private key entry with an X.509 certificate");
        } catch (GeneralSecurityException e) {
            throw new IOException("--tls-keystore " + f.file() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("--tls-keystore") ? e
                    : new IOException("--tls-keystore " + f.file() + ": " + e.getMessage(), e);
        }
    }
}

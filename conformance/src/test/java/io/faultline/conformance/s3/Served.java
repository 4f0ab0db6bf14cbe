package io.faultline.conformance.s3;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.tls.Tls;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@code faultline serve s3} in the test JVM, and the real AWS SDK v2 pointed at it. */
final class Served {
    static final AccessKey ALICE = new AccessKey("AKIDALICE", "alice-secret", "alice");

    private Served() {
    }

    static S3Server start(ConsistencyMode mode, long seed, Path session, Path history) throws IOException {
        return S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)).withConsistency(mode).withSeed(seed)
                .withSession(session).withHistory(history));
    }

    /** Over HTTPS (SSE-C needs it, FIDELITY A16.10), for the accounts of {@code keys}. */
    static S3Server startTls(AccessKey... keys) throws IOException {
        return S3Server.start(ServeConfig.loopback(Credentials.of(keys)).withTls(new Tls.SelfSigned()));
    }

    /** An SDK client of {@code s} signing with {@code key}. */
    static S3Client client(S3Server s, AccessKey key) {
        return client(s, StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret())));
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ALICE.id(), ALICE.secret()));
    }

    static S3Client client(S3Server s) {
        return client(s, credentials());
    }

    /** An SDK client of {@code s}; over HTTPS it trusts {@code s}'s certificate, and only that. */
    static S3Client client(S3Server s, AwsCredentialsProvider credentials) {
        S3ClientBuilder b = S3Client.builder().endpointOverride(s.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true);
        if (s.certificate().isPresent()) {
            b.httpClient(Apache5HttpClient.builder().tlsTrustManagersProvider(s::trustManagers).build());
        }
        return b.build();
    }

    static S3AsyncClient asyncClient(S3Server s) {
        return S3AsyncClient.builder().endpointOverride(s.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials())
                .forcePathStyle(true).multipartEnabled(true).build();
    }

    static S3Presigner presigner(S3Server s) {
        return S3Presigner.builder().endpointOverride(s.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials())
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}

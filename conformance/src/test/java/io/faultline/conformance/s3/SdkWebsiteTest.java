package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.Credentials;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;

/**
 * The website endpoint configured by the real AWS SDK v2 (FIDELITY A16.12): PutBucketWebsite,
 * GetBucketWebsite and DeleteBucketWebsite, then the site as a browser reads it.
 */
class SdkWebsiteTest {
    static S3Server server;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(Served.ALICE)));
        s3 = Served.client(server);
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    static String browse(String path) throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: site.s3-website.localhost:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSiteConfiguredThroughTheSdk() throws Exception {
        s3.createBucket(b -> b.bucket("site"));
        s3.deletePublicAccessBlock(b -> b.bucket("site"));
        s3.putBucketPolicy(b -> b.bucket("site").policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}"));
        s3.putObject(b -> b.bucket("site").key("index.html"), RequestBody.fromString("<h1>front page</h1>"));
        s3.putObject(b -> b.bucket("site").key("blog/index.html"), RequestBody.fromString("<h1>blog</h1>"));
        s3.putBucketWebsite(b -> b.bucket("site").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .routingRules(r -> r.condition(c -> c.keyPrefixEquals("news/")).redirect(d -> d.replaceKeyPrefixWith("blog/")))));
        GetBucketWebsiteResponse config = s3.getBucketWebsite(b -> b.bucket("site"));
        assertEquals("index.html", config.indexDocument().suffix());
        assertEquals("blog/", config.routingRules().get(0).redirect().replaceKeyPrefixWith());
        assertTrue(browse("/").contains("<h1>front page</h1>"));
        assertTrue(browse("/blog/").contains("<h1>blog</h1>"));
        String moved = browse("/news/today.html");
        assertTrue(moved.startsWith("HTTP/1.1 301") && moved.contains("/blog/today.html"), moved);
        s3.deleteBucketWebsite(b -> b.bucket("site"));
        assertTrue(browse("/").startsWith("HTTP/1.1 404"));
    }
}

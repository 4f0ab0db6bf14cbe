package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Static website hosting (FIDELITY A16.12): the website endpoint serves public objects as a site. */
class WebsiteTest {
    static S3Server server;
    static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)));
        s3 = new Signer(server.endpoint());
        ok(s3.signed(Req.of("PUT", "/www"), ALICE, now()));
        ok(s3.signed(Req.of("DELETE", "/www").param("publicAccessBlock", ""), ALICE, now()));
        ok(s3.signed(Req.of("PUT", "/www").param("policy", "").body("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::www/public/*\"}]}"), ALICE, now()));
        for (String[] o : new String[][] {{"public/index.html", "<h1>home</h1>"}, {"public/docs/index.html", "<h1>docs</h1>"},
                {"public/404.html", "<h1>lost?</h1>"}, {"public/style.css", "h1{}"}, {"private/plan.txt", "secret plan"}}) {
            ok(s3.signed(Req.of("PUT", "/www/" + o[0]).body(o[1]), ALICE, now()));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static void ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    }

    /** A raw request to the website host (the JDK's client will not set Host). */
    static String site(String method, String path) throws Exception {
        try (Socket socket = new Socket(server.address().getAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: www.s3-website.localhost:" + server.port()
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void configure(String xml) throws Exception {
        ok(s3.signed(Req.of("PUT", "/www").param("website", "").body(xml), ALICE, now()));
    }

    @Test
    void indexAndErrorDocumentsAndOnlyPublicObjects() throws Exception {
        ok(s3.signed(Req.of("DELETE", "/www").param("website", ""), ALICE, now()));
        assertTrue(site("GET", "/public/").startsWith("HTTP/1.1 404"), "no website configuration");
        configure("<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument>"
                + "<ErrorDocument><Key>public/404.html</Key></ErrorDocument></WebsiteConfiguration>");
        String home = site("GET", "/public/");
        assertTrue(home.startsWith("HTTP/1.1 200") && home.contains("<h1>home</h1>") && home.contains("text/html"), home);
        assertTrue(site("GET", "/public/docs/").contains("<h1>docs</h1>"));
        String folder = site("GET", "/public/docs");
        assertTrue(folder.startsWith("HTTP/1.1 302") && folder.contains("Location: /public/docs/"), folder);
        String missing = site("GET", "/public/nothing-here");
        assertTrue(missing.startsWith("HTTP/1.1 404") && missing.contains("<h1>lost?</h1>"), missing);
        String hidden = site("GET", "/private/plan.txt");
        assertTrue(hidden.startsWith("HTTP/1.1 403"), hidden);
        assertFalse(hidden.contains("secret plan"), hidden);
        assertTrue(site("PUT", "/public/index.html").startsWith("HTTP/1.1 405"));
        assertTrue(site("DELETE", "/public/index.html").startsWith("HTTP/1.1 405"));
        assertEquals("<h1>home</h1>", s3.signed(Req.of("GET", "/www/public/index.html"), ALICE, now()).body(), "nothing was changed");
        HttpResponse<String> got = s3.signed(Req.of("GET", "/www").param("website", ""), ALICE, now());
        assertTrue(got.body().contains("<Suffix>index.html</Suffix>"), got.body());
    }

    @Test
    void routingRulesAndRedirects() throws Exception {
        configure("<WebsiteConfiguration><IndexDocument><Suffix>index.html</Suffix></IndexDocument><RoutingRules>"
                + "<RoutingRule><Condition><KeyPrefixEquals>old/</KeyPrefixEquals></Condition>"
                + "<Redirect><ReplaceKeyPrefixWith>public/</ReplaceKeyPrefixWith></Redirect></RoutingRule>"
                + "<RoutingRule><Condition><HttpErrorCodeReturnedEquals>404</HttpErrorCodeReturnedEquals></Condition>"
                + "<Redirect><HostName>example.com</HostName><Protocol>https</Protocol><ReplaceKeyWith>missing.html</ReplaceKeyWith>"
                + "<HttpRedirectCode>302</HttpRedirectCode></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>");
        String moved = site("GET", "/old/style.css");
        assertTrue(moved.startsWith("HTTP/1.1 301") && moved.contains("/public/style.css"), moved);
        String gone = site("GET", "/public/gone.html");
        assertTrue(gone.startsWith("HTTP/1.1 302") && gone.contains("Location: https://example.com/missing.html"), gone);
        configure("<WebsiteConfiguration><RedirectAllRequestsTo><HostName>www.example.org</HostName>"
                + "</RedirectAllRequestsTo></WebsiteConfiguration>");
        String all = site("GET", "/public/index.html");
        assertTrue(all.startsWith("HTTP/1.1 301") && all.contains("Location: http://www.example.org/public/index.html"), all);
        HttpResponse<String> bad = s3.signed(Req.of("PUT", "/www").param("website", "").body("<WebsiteConfiguration/>"), ALICE, now());
        assertEquals(400, bad.statusCode(), bad.body());
    }
}

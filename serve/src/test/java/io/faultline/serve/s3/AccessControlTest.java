package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static io.faultline.serve.s3.Accounts.BOB;
import static io.faultline.serve.s3.Accounts.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACLs, Object Ownership, Block Public Access and bucket policies over HTTP (FIDELITY A16.6 to
 * A16.9): each rule, and what it refuses.
 */
class AccessControlTest {
    static S3Server server;
    static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE, BOB, CAROL)).withBucketQuota(20));
        s3 = new Signer(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long now() {
        return System.currentTimeMillis();
    }

    static HttpResponse<String> as(AccessKey who, Req r) throws Exception {
        return who == null ? s3.anonymous(r) : s3.signed(r, who, now());
    }

    static void status(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
    }

    static void error(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>" + code + "</Code>"), r.body());
    }

    /** A bucket of alice's with ACLs enabled (ObjectWriter) and Block Public Access off. */
    static void aclBucket(String name, String ownership) throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/" + name).header("x-amz-object-ownership", ownership)));
        status(204, as(ALICE, Req.of("DELETE", "/" + name).param("publicAccessBlock", "")));
    }

    @Test
    void aNewBucketHasAclsDisabledAndPublicAccessBlocked() throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/fresh")));
        HttpResponse<String> own = as(ALICE, Req.of("GET", "/fresh").param("ownershipControls", ""));
        assertTrue(own.body().contains("<ObjectOwnership>BucketOwnerEnforced</ObjectOwnership>"), own.body());
        HttpResponse<String> bpa = as(ALICE, Req.of("GET", "/fresh").param("publicAccessBlock", ""));
        for (String s : new String[] {"BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"}) {
            assertTrue(bpa.body().contains("<" + s + ">true</" + s + ">"), bpa.body());
        }
        error(400, "AccessControlListNotSupported", as(ALICE, Req.of("PUT", "/fresh/a").body("a").header("x-amz-acl", "authenticated-read")));
        error(400, "AccessControlListNotSupported", as(ALICE, Req.of("PUT", "/fresh/a").body("a").header("x-amz-grant-read", "id=\"bob\"")));
        status(200, as(ALICE, Req.of("PUT", "/fresh/a").body("a").header("x-amz-acl", "bucket-owner-full-control")));
        error(400, "AccessControlListNotSupported", as(ALICE, Req.of("PUT", "/fresh").param("acl", "").header("x-amz-acl", "public-read")));
        error(400, "InvalidBucketAclWithObjectOwnership", as(ALICE, Req.of("PUT", "/fresh2").header("x-amz-acl", "public-read")));
        HttpResponse<String> acl = as(ALICE, Req.of("GET", "/fresh/a").param("acl", ""));
        assertTrue(acl.body().contains("<ID>alice</ID>") && acl.body().contains("FULL_CONTROL") && !acl.body().contains("Group"), acl.body());
    }

    @Test
    void eachCannedAclGrantsWhatItSays() throws Exception {
        aclBucket("canned", "ObjectWriter");
        for (String c : new String[] {"private", "public-read", "public-read-write", "authenticated-read", "bucket-owner-read",
                "bucket-owner-full-control"}) {
            status(200, as(ALICE, Req.of("PUT", "/canned/" + c).body(c).header("x-amz-acl", c)));
        }
        status(200, as(null, Req.of("GET", "/canned/public-read")));
        status(200, as(null, Req.of("GET", "/canned/public-read-write")));
        error(403, "AccessDenied", as(null, Req.of("GET", "/canned/authenticated-read")));
        status(200, as(BOB, Req.of("GET", "/canned/authenticated-read")));
        for (String c : new String[] {"private", "bucket-owner-read", "bucket-owner-full-control"}) {
            error(403, "AccessDenied", as(BOB, Req.of("GET", "/canned/" + c)));
            error(403, "AccessDenied", as(null, Req.of("GET", "/canned/" + c)));
        }
        HttpResponse<String> acl = as(ALICE, Req.of("GET", "/canned/authenticated-read").param("acl", ""));
        assertTrue(acl.body().contains("<URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers</URI>"), acl.body());
        error(400, "InvalidArgument", as(ALICE, Req.of("PUT", "/canned/x").body("x").header("x-amz-acl", "world-writable")));
        error(400, "InvalidRequest", as(ALICE, Req.of("PUT", "/canned/x").body("x").header("x-amz-acl", "private")
                .header("x-amz-grant-read", "id=\"bob\"")));
    }

    @Test
    void grantsByHeaderAndByDocumentGiveEachPermissionAlone() throws Exception {
        aclBucket("grants", "ObjectWriter");
        status(200, as(ALICE, Req.of("PUT", "/grants/doc").body("doc").header("x-amz-grant-read", "id=\"bob\"")));
        status(200, as(BOB, Req.of("GET", "/grants/doc")));
        error(403, "AccessDenied", as(CAROL, Req.of("GET", "/grants/doc")));
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/grants/doc").param("acl", "")));
        String policy = "<AccessControlPolicy><Owner><ID>alice</ID></Owner><AccessControlList>"
                + "<Grant><Grantee><ID>alice</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee><ID>bob</ID></Grantee><Permission>READ_ACP</Permission></Grant>"
                + "<Grant><Grantee><ID>carol</ID></Grantee><Permission>WRITE_ACP</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
        status(200, as(ALICE, Req.of("PUT", "/grants/doc").param("acl", "").body(policy)));
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/grants/doc")));
        HttpResponse<String> read = as(BOB, Req.of("GET", "/grants/doc").param("acl", ""));
        status(200, read);
        assertTrue(read.body().contains("<Permission>WRITE_ACP</Permission>"), read.body());
        error(403, "AccessDenied", as(BOB, Req.of("PUT", "/grants/doc").param("acl", "").body(policy)));
        error(403, "AccessDenied", as(CAROL, Req.of("GET", "/grants/doc").param("acl", "")));
        status(200, as(CAROL, Req.of("PUT", "/grants/doc").param("acl", "").header("x-amz-grant-full-control", "id=\"carol\"")));
        status(200, as(CAROL, Req.of("GET", "/grants/doc")));
        error(403, "AccessDenied", as(ALICE, Req.of("PUT", "/grants/doc").param("acl", "")
                .body(policy.replace("<Owner><ID>alice</ID>", "<Owner><ID>bob</ID>"))));
        error(400, "MalformedXML", as(CAROL, Req.of("PUT", "/grants/doc").param("acl", "").body("<AccessControlPolicy/>")));
    }

    @Test
    void aWriteGrantOnTheBucketLetsAnotherAccountWriteAndObjectOwnershipDecidesWhoOwnsIt() throws Exception {
        aclBucket("dropbox", "ObjectWriter");
        status(200, as(ALICE, Req.of("PUT", "/dropbox").param("acl", "").header("x-amz-grant-write", "id=\"bob\"")));
        error(403, "AccessDenied", as(CAROL, Req.of("PUT", "/dropbox/carol.txt").body("c")));
        status(200, as(BOB, Req.of("PUT", "/dropbox/bob.txt").body("b")));
        error(403, "AccessDenied", as(ALICE, Req.of("GET", "/dropbox/bob.txt")));
        status(200, as(BOB, Req.of("GET", "/dropbox/bob.txt")));
        status(200, as(BOB, Req.of("PUT", "/dropbox/shared.txt").body("s").header("x-amz-acl", "bucket-owner-full-control")));
        status(200, as(ALICE, Req.of("GET", "/dropbox/shared.txt")));
        status(204, as(ALICE, Req.of("DELETE", "/dropbox/bob.txt")));

        aclBucket("preferred", "BucketOwnerPreferred");
        status(200, as(ALICE, Req.of("PUT", "/preferred").param("acl", "").header("x-amz-grant-write", "id=\"bob\"")));
        status(200, as(BOB, Req.of("PUT", "/preferred/given.txt").body("g").header("x-amz-acl", "bucket-owner-full-control")));
        HttpResponse<String> acl = as(ALICE, Req.of("GET", "/preferred/given.txt").param("acl", ""));
        assertTrue(acl.body().contains("<Owner><ID>alice</ID>"), "BucketOwnerPreferred hands the object to the bucket owner: " + acl.body());
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/preferred/given.txt")));
    }

    @Test
    void blockPublicAccessRefusesPublicAclsAndPoliciesAndIgnoresThoseAlreadySet() throws Exception {
        aclBucket("bpa", "ObjectWriter");
        status(200, as(ALICE, Req.of("PUT", "/bpa/page.html").body("<p>hi</p>").header("x-amz-acl", "public-read")));
        status(200, as(null, Req.of("GET", "/bpa/page.html")));
        String ignore = "<PublicAccessBlockConfiguration><IgnorePublicAcls>true</IgnorePublicAcls></PublicAccessBlockConfiguration>";
        status(200, as(ALICE, Req.of("PUT", "/bpa").param("publicAccessBlock", "").body(ignore)));
        error(403, "AccessDenied", as(null, Req.of("GET", "/bpa/page.html")));
        status(200, as(ALICE, Req.of("GET", "/bpa/page.html")));
        String block = "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>"
                + "<BlockPublicPolicy>true</BlockPublicPolicy></PublicAccessBlockConfiguration>";
        status(200, as(ALICE, Req.of("PUT", "/bpa").param("publicAccessBlock", "").body(block)));
        status(200, as(null, Req.of("GET", "/bpa/page.html")));
        error(403, "AccessDenied", as(ALICE, Req.of("PUT", "/bpa/other.html").body("x").header("x-amz-acl", "public-read")));
        error(403, "AccessDenied", as(ALICE, Req.of("PUT", "/bpa/page.html").param("acl", "").header("x-amz-grant-read",
                "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")));
        error(403, "AccessDenied", as(ALICE, Req.of("PUT", "/bpa").param("policy", "").body(publicRead("bpa"))));
        error(400, "MalformedXML", as(ALICE, Req.of("PUT", "/bpa").param("publicAccessBlock", "")
                .body("<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls></PublicAccessBlockConfiguration>")));
    }

    static String publicRead(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    @Test
    void aBucketPolicyAllowsByPrincipalActionAndResourceAndAnExplicitDenyWins() throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/policed")));
        status(200, as(ALICE, Req.of("PUT", "/policed/reports/q1.csv").body("q1")));
        status(200, as(ALICE, Req.of("PUT", "/policed/private/salaries.csv").body("secret")));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"BobReadsReports\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::bob:root\"},"
                + "\"Action\":[\"s3:Get*\"],\"Resource\":\"arn:aws:s3:::policed/reports/*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"bob\",\"carol\"]},\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::policed\"},"
                + "{\"Sid\":\"NobodyDeletesReports\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\","
                + "\"Resource\":\"arn:aws:s3:::policed/reports/*\"}]}";
        status(204, as(ALICE, Req.of("PUT", "/policed").param("policy", "").body(policy)));
        status(200, as(BOB, Req.of("GET", "/policed/reports/q1.csv")));
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/policed/private/salaries.csv")));
        error(403, "AccessDenied", as(CAROL, Req.of("GET", "/policed/reports/q1.csv")));
        status(200, as(CAROL, Req.of("GET", "/policed").param("list-type", "2")));
        error(403, "AccessDenied", as(BOB, Req.of("PUT", "/policed/reports/q2.csv").body("q2")));
        error(403, "AccessDenied", as(ALICE, Req.of("DELETE", "/policed/reports/q1.csv")));
        status(200, as(ALICE, Req.of("GET", "/policed/reports/q1.csv")));
        status(204, as(ALICE, Req.of("DELETE", "/policed/private/salaries.csv")));
        HttpResponse<String> got = as(ALICE, Req.of("GET", "/policed").param("policy", ""));
        assertTrue(got.body().contains("NobodyDeletesReports"), got.body());
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/policed").param("policy", "")));
    }

    @Test
    void policyConditionsJudgeWhatTheRequestCarries() throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/conditional")));
        String policy = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::conditional/*\",\"Condition\":{\"StringNotEquals\":"
                + "{\"s3:x-amz-server-side-encryption\":\"AES256\"}}},"
                + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::conditional/*\","
                + "\"Condition\":{\"StringLike\":{\"aws:PrincipalAccount\":\"b?b\"}}}]}";
        status(204, as(ALICE, Req.of("PUT", "/conditional").param("policy", "").body(policy)));
        error(403, "AccessDenied", as(ALICE, Req.of("PUT", "/conditional/plain").body("p")));
        status(200, as(ALICE, Req.of("PUT", "/conditional/sealed").body("s").header("x-amz-server-side-encryption", "AES256")));
        status(200, as(BOB, Req.of("GET", "/conditional/sealed")));
        error(403, "AccessDenied", as(CAROL, Req.of("GET", "/conditional/sealed")));
        error(403, "AccessDenied", as(null, Req.of("GET", "/conditional/sealed")));
    }

    @Test
    void aMalformedOrForeignPolicyIsMalformedPolicy() throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/strict")));
        error(400, "MalformedPolicy", as(ALICE, Req.of("PUT", "/strict").param("policy", "").body("{not json")));
        error(400, "MalformedPolicy", as(ALICE, Req.of("PUT", "/strict").param("policy", "").body(publicRead("someone-else"))));
        error(400, "MalformedPolicy", as(ALICE, Req.of("PUT", "/strict").param("policy", "")
                .body(publicRead("strict").replace("\"Effect\":\"Allow\"", "\"Effect\":\"Maybe\""))));
        error(400, "MalformedPolicy", as(ALICE, Req.of("PUT", "/strict").param("policy", "")
                .body(publicRead("strict").replace("\"Action\"", "\"NotAction\""))));
        error(400, "MalformedPolicy", as(ALICE, Req.of("PUT", "/strict").param("policy", "").body(publicRead("strict")
                .replace("}]}", ",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01\"}}}]}"))));
        error(404, "NoSuchBucketPolicy", as(ALICE, Req.of("GET", "/strict").param("policy", "")));
    }

    @Test
    void aPublicPolicyReachesOutsideTheAccountOnlyWithoutRestrictPublicBuckets() throws Exception {
        status(200, as(ALICE, Req.of("PUT", "/site")));
        status(200, as(ALICE, Req.of("PUT", "/site/index.html").body("<h1>welcome</h1>")));
        String off = "<PublicAccessBlockConfiguration><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>";
        status(200, as(ALICE, Req.of("PUT", "/site").param("publicAccessBlock", "").body(off)));
        status(204, as(ALICE, Req.of("PUT", "/site").param("policy", "").body(publicRead("site"))));
        error(403, "AccessDenied", as(null, Req.of("GET", "/site/index.html")));
        error(403, "AccessDenied", as(BOB, Req.of("GET", "/site/index.html")));
        status(204, as(ALICE, Req.of("DELETE", "/site").param("publicAccessBlock", "")));
        HttpResponse<String> anon = as(null, Req.of("GET", "/site/index.html"));
        status(200, anon);
        assertEquals("<h1>welcome</h1>", anon.body());
    }

    @Test
    void anAccountHoldsAtMostItsBucketQuota() throws Exception {
        for (int i = 0; i < 20; i++) {
            status(200, as(CAROL, Req.of("PUT", "/carol-" + i)));
        }
        error(400, "TooManyBuckets", as(CAROL, Req.of("PUT", "/carol-20")));
        status(204, as(CAROL, Req.of("DELETE", "/carol-0")));
        status(200, as(CAROL, Req.of("PUT", "/carol-20")));
        HttpResponse<String> list = as(CAROL, Req.of("GET", "/"));
        assertFalse(list.body().contains("<Name>policed</Name>"), "ListBuckets shows the caller's own: " + list.body());
    }
}

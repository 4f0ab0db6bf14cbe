package io.faultline.serve.s3.website;

import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * A bucket's website configuration (FIDELITY A16.12): an index document suffix and an optional
 * error document, or a redirect of every request to another host; and routing rules.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WebsiteConfig(String indexSuffix, Optional<String> errorKey, Optional<String> redirectAllHost,
                            Optional<String> redirectAllProtocol, List<RoutingRule> rules, String document) {
    public WebsiteConfig {
        rules = List.copyOf(rules);
    }

    /** {@code PUT ?website}'s body; S3's rules: an index document or a redirect of all requests, not both. */
    public static WebsiteConfig parse(byte[] body) {
        Element root = Xml.parse(body);
        if (!Xml.localName(root).equals("WebsiteConfiguration")) {
            throw Refusal.malformedXml();
        }
        List<Element> all = Xml.children(root, "RedirectAllRequestsTo");
        List<Element> index = Xml.children(root, "IndexDocument");
        if (all.isEmpty() == index.isEmpty()) {
            throw new Refusal(400, "InvalidArgument", "A website configuration needs an IndexDocument or RedirectAllRequestsTo, not both");
        }
        String suffix = index.isEmpty() ? "" : Xml.text(index.get(0), "Suffix");
        if (!index.isEmpty() && (suffix.isEmpty() || suffix.contains("/"))) {
            throw new Refusal(400, "InvalidArgument", "The IndexDocument Suffix must be a non-empty name without a slash");
        }
        List<Element> error = Xml.children(root, "ErrorDocument");
        Optional<String> redirectHost = all.isEmpty() ? Optional.empty() : Optional.of(Xml.text(all.get(0), "HostName"));
        Optional<String> redirectProtocol = all.isEmpty() ? Optional.empty() : nonEmpty(Xml.text(all.get(0), "Protocol"));
        List<RoutingRule> rules = new ArrayList<>();
        for (Element list : Xml.children(root, "RoutingRules")) {
            for (Element r : Xml.children(list, "RoutingRule")) {
                rules.add(rule(r));
            }
        }
        return new WebsiteConfig(suffix, error.isEmpty() ? Optional.empty() : nonEmpty(Xml.text(error.get(0), "Key")),
                redirectHost, redirectProtocol, rules, new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RoutingRule rule(Element r) {
        List<Element> cond = Xml.children(r, "Condition");
        List<Element> red = Xml.children(r, "Redirect");
        if (red.isEmpty()) {
            throw Refusal.malformedXml();
        }
        Element c = cond.isEmpty() ? null : cond.get(0);
        Element d = red.get(0);
        OptionalInt code = c == null || Xml.text(c, "HttpErrorCodeReturnedEquals").isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(number(Xml.text(c, "HttpErrorCodeReturnedEquals")));
        Optional<String> replacePrefix = nonEmpty(Xml.text(d, "ReplaceKeyPrefixWith"));
        Optional<String> replaceKey = nonEmpty(Xml.text(d, "ReplaceKeyWith"));
        if (replacePrefix.isPresent() && replaceKey.isPresent()) {
            throw new Refusal(400, "InvalidArgument", "A redirect takes ReplaceKeyPrefixWith or ReplaceKeyWith, not both");
        }
        int redirect = Xml.text(d, "HttpRedirectCode").isEmpty() ? 301 : number(Xml.text(d, "HttpRedirectCode"));
        if (redirect < 300 || redirect > 399) {
            throw new Refusal(400, "InvalidArgument", "HttpRedirectCode " + redirect + " is not a 3xx code");
        }
        return new RoutingRule(c == null ? Optional.empty() : nonEmpty(Xml.text(c, "KeyPrefixEquals")), code,
                nonEmpty(Xml.text(d, "HostName")), nonEmpty(Xml.text(d, "Protocol")), replacePrefix, replaceKey, redirect);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw Refusal.malformedXml();
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}

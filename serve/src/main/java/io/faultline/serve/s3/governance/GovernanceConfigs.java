package io.faultline.serve.s3.governance;

import io.faultline.models.s3.governance.Governance;
import io.faultline.models.s3.governance.LoggingTarget;
import io.faultline.models.s3.governance.NotificationTarget;
import io.faultline.models.s3.governance.ReplicationRule;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * The sub-resources that configure the model's {@link Governance}: {@code ?notification}
 * (FIDELITY A16.13), {@code ?replication} (FIDELITY A16.14) and {@code ?logging} (FIDELITY A16.15).
 * They run on the simulation's thread, and the changes are in the session, so a replay configures
 * the same things at the same virtual times.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GovernanceConfigs {
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final String BUCKET_ARN = "arn:aws:s3:::";

    private GovernanceConfigs() {
    }

    /** True for a request on one of these sub-resources. */
    public static boolean handles(WireRequest w) {
        return w.key().isEmpty() && !w.bucket().isEmpty()
                && (w.hasParam("notification") || w.hasParam("replication") || w.hasParam("logging"));
    }

    /** True if the request changes the configuration (and so belongs in the session). */
    public static boolean changes(WireRequest w) {
        return handles(w) && !w.method().equals("GET") && !w.method().equals("HEAD");
    }

    /** Parses what a change asks for before it is recorded: a malformed one is refused here. */
    public static void validate(WireRequest w) {
        if (w.method().equals("PUT")) {
            if (w.hasParam("notification")) {
                notifications(w.body());
            } else if (w.hasParam("replication")) {
                rules(w.body());
            } else {
                logging(w.body());
            }
        } else if (!w.method().equals("GET") && !(w.method().equals("DELETE") && w.hasParam("replication"))) {
            throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    /** Applies or answers {@code w} on the governance (call on the simulation's thread). */
    public static HttpAnswer apply(Governance g, WireRequest w) {
        String b = w.bucket();
        boolean get = w.method().equals("GET");
        if (w.hasParam("notification")) {
            if (get) {
                return HttpAnswer.xml(200, notificationXml(g.notifications(b)));
            }
            g.configureNotifications(b, notifications(w.body()));
            return HttpAnswer.empty(200);
        }
        if (w.hasParam("replication")) {
            if (get) {
                if (g.replicationRules(b).isEmpty()) {
                    throw new Refusal(404, "ReplicationConfigurationNotFoundError", "The replication configuration was not found");
                }
                return HttpAnswer.xml(200, replicationXml(g.replicationRules(b)));
            }
            g.configureReplication(b, w.method().equals("DELETE") ? List.of() : rules(w.body()));
            return HttpAnswer.empty(w.method().equals("DELETE") ? 204 : 200);
        }
        if (get) {
            return HttpAnswer.xml(200, "<BucketLoggingStatus" + NS + ">" + g.logging(b).map(t -> "<LoggingEnabled>"
                    + Xml.el("TargetBucket", t.targetBucket()) + Xml.el("TargetPrefix", t.prefix()) + "</LoggingEnabled>").orElse("")
                    + "</BucketLoggingStatus>");
        }
        g.configureLogging(b, logging(w.body()));
        return HttpAnswer.empty(200);
    }

    static List<NotificationTarget> notifications(byte[] body) {
        Element root = Xml.parse(body);
        if (!Xml.children(root, "TopicConfiguration").isEmpty()) {
            throw Refusal.notImplemented("TopicConfiguration (queues and functions are served)");
        }
        List<NotificationTarget> out = new ArrayList<>();
        for (Element q : Xml.children(root, "QueueConfiguration")) {
            out.add(target(q, NotificationTarget.Kind.QUEUE, Xml.text(q, "Queue"), out.size()));
        }
        for (String name : new String[] {"CloudFunctionConfiguration", "LambdaFunctionConfiguration"}) {
            for (Element f : Xml.children(root, name)) {
                String arn = Xml.text(f, "CloudFunction").isEmpty() ? Xml.text(f, "LambdaFunctionArn") : Xml.text(f, "CloudFunction");
                out.add(target(f, NotificationTarget.Kind.FUNCTION, arn, out.size()));
            }
        }
        return out;
    }

    private static NotificationTarget target(Element e, NotificationTarget.Kind kind, String arn, int index) {
        if (arn.isEmpty()) {
            throw new Refusal(400, "InvalidArgument", "A notification configuration needs a destination ARN");
        }
        List<String> events = new ArrayList<>();
        for (Element ev : Xml.children(e, "Event")) {
            String name = ev.getTextContent().trim();
            if (!name.startsWith("s3:ObjectCreated:") && !name.startsWith("s3:ObjectRemoved:")) {
                throw new Refusal(400, "InvalidArgument", "Event '" + name + "' is not served (s3:ObjectCreated:*, s3:ObjectRemoved:*)");
            }
            events.add(name);
        }
        if (events.isEmpty()) {
            throw new Refusal(400, "InvalidArgument", "A notification configuration needs at least one Event");
        }
        String prefix = "";
        String suffix = "";
        for (Element filter : Xml.children(e, "Filter")) {
            for (Element key : Xml.children(filter, "S3Key")) {
                for (Element rule : Xml.children(key, "FilterRule")) {
                    String name = Xml.text(rule, "Name").toLowerCase(java.util.Locale.ROOT);
                    if (name.equals("prefix")) {
                        prefix = Xml.text(rule, "Value");
                    } else if (name.equals("suffix")) {
                        suffix = Xml.text(rule, "Value");
                    } else {
                        throw new Refusal(400, "InvalidArgument", "FilterRule Name must be prefix or suffix");
                    }
                }
            }
        }
        String id = Xml.text(e, "Id").isEmpty() ? "notification-" + (index + 1) : Xml.text(e, "Id");
        return new NotificationTarget(id, kind, arn, events, prefix, suffix);
    }

    static List<ReplicationRule> rules(byte[] body) {
        List<ReplicationRule> out = new ArrayList<>();
        for (Element r : Xml.children(Xml.parse(body), "Rule")) {
            if (!Xml.text(r, "Status").equals("Enabled")) {
                continue;
            }
            List<Element> dest = Xml.children(r, "Destination");
            String bucket = dest.isEmpty() ? "" : Xml.text(dest.get(0), "Bucket");
            if (!bucket.startsWith(BUCKET_ARN) || bucket.length() == BUCKET_ARN.length()) {
                throw new Refusal(400, "InvalidArgument", "Destination Bucket must be a bucket ARN, arn:aws:s3:::NAME");
            }
            List<Element> filter = Xml.children(r, "Filter");
            String prefix = filter.isEmpty() ? Xml.text(r, "Prefix") : Xml.text(filter.get(0), "Prefix");
            String id = Xml.text(r, "ID").isEmpty() ? "rule-" + (out.size() + 1) : Xml.text(r, "ID");
            out.add(new ReplicationRule(id, prefix, bucket.substring(BUCKET_ARN.length())));
        }
        if (out.isEmpty()) {
            throw Refusal.malformedXml();
        }
        return out;
    }

    static Optional<LoggingTarget> logging(byte[] body) {
        List<Element> on = Xml.children(Xml.parse(body), "LoggingEnabled");
        if (on.isEmpty()) {
            return Optional.empty();
        }
        String target = Xml.text(on.get(0), "TargetBucket");
        if (target.isEmpty()) {
            throw Refusal.malformedXml();
        }
        return Optional.of(new LoggingTarget(target, Xml.text(on.get(0), "TargetPrefix")));
    }

    private static String notificationXml(List<NotificationTarget> targets) {
        StringBuilder x = new StringBuilder("<NotificationConfiguration" + NS + ">");
        for (NotificationTarget t : targets) {
            boolean queue = t.kind() == NotificationTarget.Kind.QUEUE;
            String tag = queue ? "QueueConfiguration" : "CloudFunctionConfiguration";
            x.append('<').append(tag).append('>').append(Xml.el("Id", t.id())).append(Xml.el(queue ? "Queue" : "CloudFunction", t.arn()));
            t.events().forEach(e -> x.append(Xml.el("Event", e)));
            x.append("<Filter><S3Key><FilterRule><Name>prefix</Name>").append(Xml.el("Value", t.prefix()))
                    .append("</FilterRule><FilterRule><Name>suffix</Name>").append(Xml.el("Value", t.suffix()))
                    .append("</FilterRule></S3Key></Filter></").append(tag).append('>');
        }
        return x.append("</NotificationConfiguration>").toString();
    }

    private static String replicationXml(List<ReplicationRule> rules) {
        StringBuilder x = new StringBuilder("<ReplicationConfiguration" + NS + "><Role>arn:aws:iam::faultline:role/replication</Role>");
        for (ReplicationRule r : rules) {
            x.append("<Rule>").append(Xml.el("ID", r.id())).append(Xml.el("Status", "Enabled")).append("<Filter>")
                    .append(Xml.el("Prefix", r.prefix())).append("</Filter><Destination>")
                    .append(Xml.el("Bucket", BUCKET_ARN + r.destinationBucket())).append("</Destination></Rule>");
        }
        return x.append("</ReplicationConfiguration>").toString();
    }
}

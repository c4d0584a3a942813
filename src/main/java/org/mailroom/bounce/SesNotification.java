package org.mailroom.bounce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Amazon SES bounce and complaint notifications, as SNS posts them over HTTP(S) (an SNS envelope whose
 * {@code Message} is the SES JSON) or bare. {@code Permanent} bounces are hard; {@code Transient} and
 * {@code Undetermined} soft; complaints are complaints unless their feedback type is {@code not-spam}.
 * SNS's subscription confirmation is not followed from here (a URL taken from a request body is not
 * fetched by the server): its {@code SubscribeURL} is logged for the operator to open.
 */
final class SesNotification {
    private SesNotification() {}

    /** What an SES or SNS body asks for. */
    record Parsed(String eventId, List<Bounce> bounces, String subscribeUrl) {}

    static boolean looksLikeSes(JsonNode body) {
        return body.has("notificationType") || body.has("eventType") || body.path("TopicArn").isTextual();
    }

    static Parsed read(JsonNode body, ObjectMapper json, Identities identities, Instant now) {
        String type = body.path("Type").asText("");
        if (type.equals("SubscriptionConfirmation")) return new Parsed(null, List.of(), body.path("SubscribeURL").asText(null));
        if (type.equals("UnsubscribeConfirmation")) return new Parsed(null, List.of(), null);
        JsonNode ses = body;
        if (type.equals("Notification")) {
            try {
                ses = json.readTree(body.path("Message").asText(""));
            } catch (Exception e) {
                throw new IllegalArgumentException("SNS Message is not SES JSON: " + e.getMessage());
            }
        }
        String kind = ses.path("notificationType").asText(ses.path("eventType").asText("")).toLowerCase(Locale.ROOT);
        Long campaign = identities.campaignOf(ses.path("mail").path("commonHeaders").path("messageId").asText(null));
        return switch (kind) {
            case "bounce" -> bounces(ses.path("bounce"), campaign, now);
            case "complaint" -> complaints(ses.path("complaint"), campaign, now);
            case "delivery", "send", "open", "click", "reject", "deliverydelay", "renderingfailure", "subscription" ->
                new Parsed(null, List.of(), null);
            default -> throw new IllegalArgumentException("SES notificationType '" + kind + "' is not Bounce or Complaint");
        };
    }

    private static Parsed bounces(JsonNode b, Long campaign, Instant now) {
        String bounceType = b.path("bounceType").asText("");
        BounceType type = bounceType.equalsIgnoreCase("Permanent") ? BounceType.HARD : BounceType.SOFT;
        String subType = b.path("bounceSubType").asText("");
        List<Bounce> out = new ArrayList<>();
        for (JsonNode r : b.path("bouncedRecipients")) {
            String email = address(r.path("emailAddress").asText(null));
            String status = StatusCodes.clean(r.path("status").asText(null));
            String diagnostic = r.path("diagnosticCode").asText(null);
            String reason = diagnostic != null ? diagnostic : "SES " + bounceType + " " + subType;
            out.add(new Bounce(null, email, campaign, type, status, ReportContext.trim(reason), BounceSource.SES, now, id(b)));
        }
        return new Parsed(id(b), out, null);
    }

    private static Parsed complaints(JsonNode c, Long campaign, Instant now) {
        String feedback = c.path("complaintFeedbackType").asText("abuse");
        if (feedback.equalsIgnoreCase("not-spam")) return new Parsed(id(c), List.of(), null);
        List<Bounce> out = new ArrayList<>();
        for (JsonNode r : c.path("complainedRecipients")) {
            out.add(new Bounce(null, address(r.path("emailAddress").asText(null)), campaign, BounceType.COMPLAINT, null,
                "SES complaint: " + feedback, BounceSource.SES, now, id(c)));
        }
        return new Parsed(id(c), out, null);
    }

    private static String id(JsonNode event) {
        String id = event.path("feedbackId").asText(null);
        return id == null ? null : "ses:" + id;
    }

    /** SES writes recipients as they were given, display name and all: {@code "Name" <a@b>}. */
    private static String address(String value) {
        String a = Addresses.first(value);
        if (!Addresses.isPlain(a)) throw new IllegalArgumentException("SES recipient is not an address: '" + value + "'");
        return a;
    }
}

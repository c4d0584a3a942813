package org.mailroom.bounce;

import org.mailroom.subscriber.Tokens;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises which subscriber and campaign a report is about from what we signed ourselves: a VERP
 * envelope address, or the unsubscribe token in the returned message's {@code List-Unsubscribe} header.
 * Signed values are trusted over addresses in the report, which forwarding and mangling change.
 */
final class Identities {
    /** A subscriber and campaign named by a signed value; either may be null. */
    record Claim(Long subscriberId, Long campaignId) {
        static final Claim NONE = new Claim(null, null);

        boolean isEmpty() {
            return subscriberId == null && campaignId == null;
        }

        /** With several recipients in one report, a signed subscriber id cannot tell which of them it is. */
        Claim withoutSubscriber() {
            return new Claim(null, campaignId);
        }

        Claim orCampaign(Long campaign) {
            return campaignId != null || campaign == null ? this : new Claim(subscriberId, campaign);
        }
    }

    private static final Pattern UNSUBSCRIBE = Pattern.compile("unsubscribe[/-]([A-Za-z0-9_-]{" + Tokens.LENGTH + "})(?![A-Za-z0-9_-])");
    private static final Pattern REQUEST = Pattern.compile("\\s*(?i:unsubscribe)-([A-Za-z0-9_-]{" + Tokens.LENGTH + "})\\s*");
    private final Verp verp;
    private final Tokens tokens;
    private final CampaignLookup campaigns;

    Identities(Verp verp, Tokens tokens, CampaignLookup campaigns) {
        this.verp = verp == null ? Verp.off() : verp;
        this.tokens = tokens;
        this.campaigns = campaigns == null ? CampaignLookup.NONE : campaigns;
    }

    /** The first VERP address in the text, else the first valid unsubscribe token, else none. */
    Claim find(String text) {
        Optional<Verp.Claim> v = verp.find(text);
        if (v.isPresent()) return new Claim(v.get().subscriberId(), positive(v.get().campaignId()));
        if (tokens == null || text == null) return Claim.NONE;
        Matcher m = UNSUBSCRIBE.matcher(text);
        while (m.find()) {
            Optional<Tokens.Claim> c = tokens.verify(Tokens.Purpose.UNSUBSCRIBE, m.group(1));
            if (c.isPresent()) return new Claim(c.get().subscriberId(), positive(c.get().contextId()));
        }
        return Claim.NONE;
    }

    /**
     * The reader an unsubscribe request by email names: its Subject is the one the List-Unsubscribe mailto sets,
     * {@code unsubscribe-TOKEN}, with a valid token; null otherwise (a bounce quoting our headers is not one).
     */
    Claim unsubscribeRequest(String subject) {
        if (tokens == null || subject == null) return null;
        Matcher m = REQUEST.matcher(subject);
        if (!m.matches()) return null;
        return tokens.verify(Tokens.Purpose.UNSUBSCRIBE, m.group(1)).map(c -> new Claim(c.subscriberId(), positive(c.contextId()))).orElse(null);
    }

    /** The campaign of an original Message-ID, or null. */
    Long campaignOf(String messageId) {
        if (messageId == null || messageId.isBlank()) return null;
        String id = messageId.trim();
        if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
        return campaigns.campaignOf(id).orElse(null);
    }

    /** Context id 0 means "no campaign" (a confirmation email, a test send). */
    private static Long positive(long id) {
        return id > 0 ? id : null;
    }
}

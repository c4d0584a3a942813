package org.mailroom.delivery;

import org.mailroom.issue.EmailContent;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.mailroom.message.Recipient;
import org.mailroom.subscriber.Tokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each campaign's message prepared once from its stored content; per reader only a token and a Message-ID
 * are made and spliced in. The Message-ID is the same on every attempt, so a possible duplicate carries the
 * same id as the first copy and mail clients can fold them.
 */
class CampaignMessages {
    private final CampaignStore store;
    private final MessageSettings settings;
    private final Tokens tokens;
    private final String idDomain;
    private final Dkim dkim;
    private final Map<Long, MessageTemplate> prepared = new ConcurrentHashMap<>();

    CampaignMessages(CampaignStore store, MessageSettings settings, Tokens tokens, Dkim dkim) {
        this.store = store;
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.idDomain = MailSettings.domainOf(settings.from());
    }

    byte[] message(Claimed row) {
        MessageTemplate t = prepared.computeIfAbsent(row.campaignId(), id -> prepare(store.content(id)));
        return signed(t.personalize(recipient(row.campaignId(), row.subscriberId(), row.email(), row.name())));
    }

    /** DKIM-signed when dkim.* is configured: the signature is per reader since the body carries their token. */
    byte[] signed(byte[] message) {
        return dkim == null ? message : dkim.sign(message);
    }

    MessageTemplate prepare(EmailContent content) {
        return MessageTemplate.prepare(content, settings);
    }

    Recipient recipient(long campaignId, long subscriberId, String email, String name) {
        String token = tokens.create(Tokens.Purpose.UNSUBSCRIBE, subscriberId, campaignId);
        return new Recipient(email, name, token, "mailroom." + campaignId + "." + subscriberId + "@" + idDomain);
    }

    /** Frees the prepared bytes of campaigns that are no longer sending. */
    void retain(java.util.Collection<Long> active) {
        prepared.keySet().retainAll(active);
    }
}

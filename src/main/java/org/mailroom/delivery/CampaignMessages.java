package org.mailroom.delivery;

import org.mailroom.issue.EmailContent;
import org.mailroom.message.DkimSigner;
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
    private final DkimSigner dkim;
    private final Map<Long, MessageTemplate> prepared = new ConcurrentHashMap<>();

    CampaignMessages(CampaignStore store, MessageSettings settings, Tokens tokens, DkimSigner dkim) {
        this.store = store;
        this.settings = settings;
        this.tokens = tokens;
        this.dkim = dkim;
        this.idDomain = settings.domain();
    }

    /** The reader's message, written out from the campaign's prepared bytes by the connection: no copy of the issue. */
    Mailer.Data message(Claimed row) {
        MessageTemplate t = prepared.computeIfAbsent(row.campaignId(), id -> prepare(store.content(id)));
        MessageTemplate.Personal m = t.reader(recipient(row.campaignId(), row.subscriberId(), row.email(), row.name()));
        return new Mailer.Data() {
            @Override
            public void writeTo(java.io.OutputStream out) throws java.io.IOException {
                m.writeTo(out);
            }

            @Override
            public byte[] bytes() {
                return m.bytes();
            }

            @Override
            public int size() {
                return m.size();
            }

            @Override
            public boolean smtpSafe() {
                return m.smtpSafe();
            }
        };
    }

    /** DKIM-signed per reader when dkim.* is configured (the body carries the reader's token); dkim may be null. */
    MessageTemplate prepare(EmailContent content) {
        return MessageTemplate.prepare(content, settings, dkim);
    }

    Recipient recipient(long campaignId, long subscriberId, String email, String name) {
        String token = tokens.create(Tokens.Purpose.UNSUBSCRIBE, subscriberId, campaignId);
        return new Recipient(email, name, token, "mailroom." + campaignId + "." + subscriberId + "@" + idDomain);
    }

    /** The campaign of a Message-ID this class made ({@code mailroom.CAMPAIGN.SUBSCRIBER@domain}), for bounce reports. */
    static java.util.Optional<Long> campaignOf(String messageId) {
        if (messageId == null) return java.util.Optional.empty();
        java.util.regex.Matcher m = MESSAGE_ID.matcher(messageId.strip());
        return m.find() ? java.util.Optional.of(Long.parseLong(m.group(1))) : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("^<?mailroom\\.(\\d{1,18})\\.\\d{1,18}@");

    /** Frees the prepared bytes of campaigns that are no longer sending. */
    void retain(java.util.Collection<Long> active) {
        prepared.keySet().retainAll(active);
    }
}

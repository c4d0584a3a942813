package org.mailroom.bounce;

import java.util.Optional;

/**
 * Finds the campaign of a message we sent by its Message-ID, for reports that carry the original
 * headers but no VERP address or token. The delivery feature implements it at merge (it owns the format
 * of Message-IDs); until then, {@link #NONE}.
 */
@FunctionalInterface
public interface CampaignLookup {
    Optional<Long> campaignOf(String messageId);

    CampaignLookup NONE = id -> Optional.empty();
}

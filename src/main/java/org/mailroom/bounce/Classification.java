package org.mailroom.bounce;

import java.util.List;

/** What the parser made of one message from the bounce mailbox. */
public sealed interface Classification {
    /** One or more bounces or complaints, one per failed recipient. */
    record Bounces(List<Bounce> bounces) implements Classification {
        public Bounces {
            bounces = List.copyOf(bounces);
            if (bounces.isEmpty()) throw new IllegalArgumentException("no bounces");
        }
    }

    /** A reader's unsubscribe request by email (the List-Unsubscribe mailto), with a valid token. */
    record Unsubscribe(long subscriberId, Long campaignId) implements Classification {}

    /** Not about deliverability (an out-of-office reply, a success DSN): counted, not kept. */
    record Ignored(String why) implements Classification {}

    /** Not understood: kept whole for the operator, never dropped. */
    record Unrecognised(String why) implements Classification {}
}

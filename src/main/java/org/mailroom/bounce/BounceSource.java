package org.mailroom.bounce;

import java.util.Locale;

/** Where a bounce was learnt: a DSN, an ARF report, a plain-text bounce, the JSON webhook, an SES notification. */
public enum BounceSource {
    DSN, ARF, TEXT, WEBHOOK, SES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

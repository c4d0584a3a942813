package org.mailroom.subscriber;

import org.mailroom.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Double opt-in and unsubscribe: the rules readers meet. A subscribe request answers the same way whether or not the
 * address is known (callers get nothing back, and the email is sent in the background so that not even the response
 * time tells). A pending address gets its confirmation again at most once per {@code subscribe.resend-minutes};
 * someone who left and asks again through the form gets a new confirmation (re-consent); a confirmed one gets nothing.
 * A confirmation link confirms for {@code subscribe.confirm-days}; a pending address that asks again after that
 * starts over with a new link (the old one stays dead).
 */
public final class OptIn {
    private static final Logger log = LoggerFactory.getLogger(OptIn.class);

    /** One subscribe request as a form or an API delivers it; {@code source} is form or api. */
    public record Request(String email, String name, String ip, String source) {}

    /** What the rules depend on, from the configuration. */
    public record Settings(URI baseUrl, Duration resendInterval, int ratePerIp, int ratePerEmail, Duration confirmValidity) {
        /** Without a limit on how long a confirmation link is valid. */
        public Settings(URI baseUrl, Duration resendInterval, int ratePerIp, int ratePerEmail) {
            this(baseUrl, resendInterval, ratePerIp, ratePerEmail, Duration.ZERO);
        }

        public static Settings from(Config c) {
            return new Settings(c.url("base.url"), Duration.ofMinutes(c.integer("subscribe.resend-minutes")),
                c.integer("subscribe.rate-per-ip"), c.integer("subscribe.rate-per-email"), Duration.ofDays(c.integer("subscribe.confirm-days")));
        }

        /** Whether a confirmation link of a subscription started at {@code start} no longer confirms at {@code now}. */
        boolean expired(Instant start, Instant now) {
            return !confirmValidity.isZero() && start != null && now.isAfter(start.plus(confirmValidity));
        }
    }

    private final SubscriberStore store;
    private final Tokens tokens;
    private final Mailer mailer;
    private final ConfirmationEmail email;
    private final Settings settings;
    private final Clock clock;
    private final Executor mailExecutor;
    private final RateLimiter perIp;
    private final RateLimiter perEmail;

    public OptIn(SubscriberStore store, Tokens tokens, Mailer mailer, ConfirmationEmail email, Settings settings,
                 Clock clock, Executor mailExecutor) {
        this.store = store;
        this.tokens = tokens;
        this.mailer = mailer;
        this.email = email;
        this.settings = settings;
        this.clock = clock;
        this.mailExecutor = mailExecutor;
        this.perIp = new RateLimiter(settings.ratePerIp(), clock);
        this.perEmail = new RateLimiter(settings.ratePerEmail(), clock);
    }

    /** Starts (or restarts) double opt-in. Throws for bad input and when over a rate limit, never for list membership. */
    public void subscribe(Request r) {
        // Counted before validation, so probing with bad input costs the same.
        if (!perIp.tryAcquire(Objects.requireNonNullElse(r.ip(), "?"))) throw rateLimited(perIp);
        EmailAddress address = EmailAddress.parse(r.email());
        String name = Names.parse(r.name());
        if (!perEmail.tryAcquire(address.key())) throw rateLimited(perEmail);
        Instant now = clock.instant();
        Subscriber s = findOrCreate(address, name, r, now);
        switch (s.status()) {
            case CONFIRMED -> { return; }
            case PENDING -> {
                // its link has expired: a new consent starts, with a new link
                if (settings.expired(s.subscribedAt(), now)) store.restartPending(s.id(), name, r.source(), r.ip(), now);
                else if (name != null && !name.equals(s.name())) store.updatePendingName(s.id(), name, now);
            }
            default -> store.resubscribe(s.id(), name, r.source(), r.ip(), now);
        }
        if (store.claimConfirmationSend(s.id(), now, now.minus(settings.resendInterval()))) {
            Subscriber current = store.findById(s.id()).orElseThrow();
            mailExecutor.execute(() -> sendConfirmation(current));
        }
    }

    /** Confirms the subscriber the link names; confirming twice is fine. */
    public Subscriber confirm(String token, String ip) {
        Tokens.Claim claim = tokens.verify(Tokens.Purpose.CONFIRM, token).orElseThrow(OptIn::notValid);
        Subscriber s = store.findById(claim.subscriberId()).orElseThrow(OptIn::notValid);
        // The context is the subscription's start: a link from before the person left cannot bring them back.
        if (s.subscribedAt().getEpochSecond() != claim.contextId() || s.status().hasLeft()) throw notValid();
        if (s.status() == Status.PENDING) {
            if (settings.expired(s.subscribedAt(), clock.instant()))
                throw SubscriberException.invalidLink("this confirmation link has expired; subscribing again sends a new one");
            store.confirm(s.id(), ip, clock.instant());
        }
        return store.findById(s.id()).orElseThrow(OptIn::notValid);
    }

    /**
     * Whether an unsubscribe link comes from a test send ({@code send --to}, the draft page): it names no subscriber
     * ({@link Tokens#TEST_SUBSCRIBER}), so it can only say what it would do in a reader's copy.
     */
    public boolean isTestLink(String token) {
        return tokens.verify(Tokens.Purpose.UNSUBSCRIBE, token).map(c -> c.subscriberId() == Tokens.TEST_SUBSCRIBER).orElse(false);
    }

    /** The subscriber an unsubscribe link names, for the page that asks "unsubscribe?". */
    public Subscriber unsubscribeTarget(String token) {
        Tokens.Claim claim = tokens.verify(Tokens.Purpose.UNSUBSCRIBE, token).orElseThrow(OptIn::notValid);
        return store.findById(claim.subscriberId()).orElseThrow(OptIn::notValid);
    }

    /** Unsubscribes at once; unsubscribing twice is fine. {@code how} is link or one-click. */
    public Subscriber unsubscribe(String token, String how, String ip) {
        Tokens.Claim claim = tokens.verify(Tokens.Purpose.UNSUBSCRIBE, token).orElseThrow(OptIn::notValid);
        Long campaign = claim.contextId() == 0 ? null : claim.contextId();
        store.unsubscribe(claim.subscriberId(), how, campaign, ip, clock.instant());
        return store.findById(claim.subscriberId()).orElseThrow(OptIn::notValid);
    }

    /** The link a confirmation email carries. */
    public String confirmLink(Subscriber s) {
        return settings.baseUrl() + "/confirm/" + tokens.create(Tokens.Purpose.CONFIRM, s.id(), s.subscribedAt().getEpochSecond());
    }

    private Subscriber findOrCreate(EmailAddress address, String name, Request r, Instant now) {
        var existing = store.findByEmail(address);
        if (existing.isPresent()) return existing.get();
        store.insertPending(address, name, r.source(), r.ip(), now); // false: a concurrent request inserted it
        return store.findByEmail(address).orElseThrow();
    }

    private void sendConfirmation(Subscriber s) {
        try {
            mailer.send(email.build(s, confirmLink(s)));
        } catch (RuntimeException e) {
            log.warn("confirmation email to subscriber {} not sent: {}", s.id(), e.getMessage());
        }
    }

    private static SubscriberException notValid() {
        return SubscriberException.invalidLink("this link is not valid");
    }

    private static SubscriberException rateLimited(RateLimiter limiter) {
        return new SubscriberException(SubscriberException.Kind.RATE_LIMITED,
            "too many requests; try again in " + Math.max(1, limiter.retryAfterSeconds() / 60) + " minutes");
    }
}

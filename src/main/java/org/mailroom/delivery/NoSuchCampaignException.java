package org.mailroom.delivery;

/** The campaign id names no campaign (a 404 on the API). */
public final class NoSuchCampaignException extends DeliveryException {
    public NoSuchCampaignException(long id) {
        super("campaign " + id + ": no such campaign");
    }
}

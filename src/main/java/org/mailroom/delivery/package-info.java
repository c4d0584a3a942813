/** Campaigns: render once, fix the audience, claim deliveries in batches, send over kept-open SMTP connections, retry, log, schedule with Quartz. */
package org.mailroom.delivery;

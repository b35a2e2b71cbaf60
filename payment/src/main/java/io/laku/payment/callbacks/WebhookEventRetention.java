package io.laku.payment.callbacks;

import io.laku.platform.retention.PurgeRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a gateway callback is remembered: a repeat within the retention is answered {@code duplicate} and
 * changes nothing. Xendit stops retrying a callback within days; the platform's purge removes older rows.
 */
@ApplicationScoped
public class WebhookEventRetention {

    @ConfigProperty(name = "laku.retention.webhook-event")
    Duration retention;

    @Produces
    PurgeRule webhookEvents() {
        return PurgeRule.olderThan("webhook_event", "received_at", retention);
    }
}

package io.laku.notifications.whatsapp;

import io.laku.platform.eventing.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends stored WhatsApp messages, never inside a database transaction. Each run:
 * <ol>
 * <li>addresses waiting messages of people who have a number by now;</li>
 * <li>claims due pending messages ({@code for update skip locked}: two instances never take the same one), counts
 * the attempt and leases the message (its next attempt moves past the call's timeout), and commits;</li>
 * <li>sends each one, then records the outcome: {@code sent} with the provider's id, or the error and the next
 * attempt after the {@link RetrySchedule}'s backoff, or {@code failed} when the attempts are used up or WhatsApp
 * refused the request (4xx). A failed message stays visible to admins, who can requeue it.</li>
 * </ol>
 * A crash between a send and its record resends once the lease expires: delivery is at least once.
 */
@ApplicationScoped
public class WhatsAppSender {

    private static final Logger LOG = Logger.getLogger(WhatsAppSender.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ERROR_LENGTH = 1000;

    private static final String ADDRESS_WAITING = """
            update whatsapp_message m set to_phone = c.phone, status = 'pending', next_attempt_at = ?1
            from whatsapp_contact c
            where m.status = 'waiting_for_contact' and c.user_id = m.user_id""";

    private static final String CLAIM = """
            select id from whatsapp_message
            where status = 'pending' and next_attempt_at <= ?1
            order by next_attempt_at, id
            limit ?2
            for update skip locked""";

    record Claimed(UUID id, String to, String body, int attempt) {
    }

    @Inject
    WhatsApp whatsApp;

    @Inject
    SafeContext safeContext;

    @ConfigProperty(name = "laku.whatsapp.retry.first-delay")
    Duration firstDelay;

    @ConfigProperty(name = "laku.whatsapp.retry.max-delay")
    Duration maxDelay;

    @ConfigProperty(name = "laku.whatsapp.retry.attempts")
    int attempts;

    @ConfigProperty(name = "laku.whatsapp.claim-lease", defaultValue = "PT1M")
    Duration lease;

    @ConfigProperty(name = "laku.whatsapp.batch", defaultValue = "20")
    int batch;

    private RetrySchedule schedule;

    @PostConstruct
    void init() {
        schedule = new RetrySchedule(firstDelay, maxDelay, attempts);
    }

    @Scheduled(every = "${laku.whatsapp.sender-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        safeContext.run(() -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(ADDRESS_WAITING).setParameter(1, now()).executeUpdate())))
                .await().atMost(DB_TIMEOUT);
        claim().forEach(this::send);
    }

    List<Claimed> claim() {
        Instant now = now();
        return safeContext.run(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.<UUID>createNativeQuery(CLAIM)
                                .setParameter(1, now).setParameter(2, batch).getResultList())
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<WhatsAppMessage>of())
                                : WhatsAppMessage.<WhatsAppMessage>list("id in ?1 order by nextAttemptAt, id", ids))
                        .map(messages -> messages.stream().map(message -> {
                            message.attempts++;
                            message.nextAttemptAt = now.plus(lease);
                            return new Claimed(message.id, message.toPhone, message.body, message.attempts);
                        }).toList())))
                .await().atMost(DB_TIMEOUT);
    }

    void send(Claimed message) {
        String providerId;
        try {
            providerId = whatsApp.send(new PhoneNumber(message.to()), message.body());
        } catch (WhatsAppException e) {
            failed(message, e.getMessage(), e.retryable());
            return;
        } catch (RuntimeException e) {
            failed(message, e.toString(), true);
            return;
        }
        record(message, stored -> {
            stored.status = WhatsAppMessage.SENT;
            stored.providerMessageId = providerId;
            stored.sentAt = now();
            LOG.infof("WhatsApp %s %s sent as %s (attempt %d)", stored.kind, stored.id, providerId, message.attempt());
        });
    }

    private void failed(Claimed message, String error, boolean retryable) {
        record(message, stored -> {
            stored.lastError = error == null ? "unknown error" : error.length() > MAX_ERROR_LENGTH
                    ? error.substring(0, MAX_ERROR_LENGTH) : error;
            if (retryable && schedule.mayRetry(message.attempt())) {
                stored.nextAttemptAt = now().plus(schedule.delayAfter(message.attempt()));
                LOG.warnf("WhatsApp %s %s attempt %d failed, next at %s: %s", stored.kind, stored.id, message.attempt(),
                        stored.nextAttemptAt, error);
            } else {
                stored.status = WhatsAppMessage.FAILED;
                LOG.errorf("WhatsApp %s %s failed after %d attempt(s)%s: %s", stored.kind, stored.id, message.attempt(),
                        retryable ? "" : " (refused, not retried)", error);
            }
        });
    }

    /** Applies the outcome unless the message changed meanwhile (e.g. an admin requeued it). */
    private void record(Claimed message, java.util.function.Consumer<WhatsAppMessage> outcome) {
        safeContext.run(() -> Panache.withTransaction(() -> WhatsAppMessage.<WhatsAppMessage>findById(message.id(),
                        LockModeType.PESSIMISTIC_WRITE)
                .invoke(stored -> {
                    if (stored == null || !WhatsAppMessage.PENDING.equals(stored.status)
                            || stored.attempts != message.attempt()) {
                        LOG.infof("WhatsApp message %s changed while it was being sent; outcome not recorded", message.id());
                        return;
                    }
                    outcome.accept(stored);
                }))).await().atMost(DB_TIMEOUT);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.laku.gateway;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The simulated gateway's invoices (in memory) and their callbacks. */
@ApplicationScoped
public class Gateway {

    @ConfigProperty(name = "gateway.callback-url")
    String callbackUrl;

    @ConfigProperty(name = "gateway.public-url")
    String publicUrl;

    @Inject
    CallbackSender callbacks;

    private final Map<String, Invoice> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByExternalId = new ConcurrentHashMap<>();
    /** Invoices made, by expiry date: the sweep looks at the due ones only, not at every invoice ever made. */
    private final NavigableSet<Due> byExpiry = new ConcurrentSkipListSet<>();

    private record Due(Instant expiry, String id) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = expiry.compareTo(other.expiry);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    /** Idempotent on external_id, as Xendit's idempotency on our payment id. */
    public synchronized Invoice create(String externalId, long amount, String description, long durationSeconds) {
        String existing = idByExternalId.get(externalId);
        if (existing != null) {
            return byId.get(existing);
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Instant now = Instant.now();
        Invoice invoice = new Invoice(id, externalId, "laku", "PENDING", amount, null, description,
                publicUrl + "/pay/" + id, now.plusSeconds(durationSeconds), null, "IDR", now, now);
        byId.put(id, invoice);
        idByExternalId.put(externalId, id);
        byExpiry.add(new Due(invoice.expiryDate(), id));
        return invoice;
    }

    public Optional<Invoice> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Invoice> findByExternalId(String externalId) {
        return Optional.ofNullable(idByExternalId.get(externalId)).map(byId::get);
    }

    /**
     * Marks a pending invoice paid and sends the PAID callback. Paying twice sends nothing new. With {@code afterExpiry}
     * an expired invoice is paid too: a transfer that reached it after its expiry (a fixed virtual account paid late).
     */
    public synchronized Optional<Invoice> pay(String id, Long amount, boolean afterExpiry) {
        Invoice invoice = byId.get(id);
        boolean payable = invoice != null && (invoice.status().equals("PENDING")
                || afterExpiry && invoice.status().equals("EXPIRED"));
        if (!payable) {
            return Optional.ofNullable(invoice);
        }
        Invoice paid = invoice.paid(amount == null ? invoice.amount() : amount, Instant.now());
        byId.put(id, paid);
        callback(paid);
        return Optional.of(paid);
    }

    /** Expires a pending invoice (Xendit's expire!) and sends the EXPIRED callback. */
    public synchronized Optional<Invoice> expire(String id) {
        Invoice invoice = byId.get(id);
        if (invoice == null || !invoice.status().equals("PENDING")) {
            return Optional.ofNullable(invoice);
        }
        Invoice expired = invoice.expired(Instant.now());
        byId.put(id, expired);
        callback(expired);
        return Optional.of(expired);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        Instant now = Instant.now();
        for (Due due = byExpiry.pollFirst(); due != null; due = byExpiry.pollFirst()) {
            if (due.expiry().isAfter(now)) {
                byExpiry.add(due);
                return;
            }
            expire(due.id()); // nothing when it was paid or expired meanwhile
        }
    }

    /** The callback body Xendit sends for an invoice. */
    static Map<String, Object> callbackBody(Invoice invoice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", invoice.id());
        body.put("external_id", invoice.externalId());
        body.put("user_id", invoice.userId());
        body.put("status", invoice.status());
        body.put("amount", invoice.amount());
        body.put("currency", invoice.currency());
        body.put("description", invoice.description());
        body.put("updated", invoice.updated().toString());
        body.put("created", invoice.created().toString());
        if (invoice.paidAt() != null) {
            body.put("paid_amount", invoice.paidAmount());
            body.put("paid_at", invoice.paidAt().toString());
            body.put("payment_method", "BANK_TRANSFER");
            body.put("payment_channel", "SIMULATOR");
        }
        return body;
    }

    private void callback(Invoice invoice) {
        callbacks.send(callbackUrl, callbackBody(invoice));
    }
}

package io.laku.payment.callbacks;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Every gateway callback, escrow or direct, is recorded once in {@code webhook_event} (unique callback key = invoice
 * id + status, + {@code :mismatch:<amount>} for a wrong amount) before it changes anything: a repeat changes nothing.
 */
@ApplicationScoped
public class WebhookEvents {

    private static final String RECORD = """
            insert into webhook_event (id, callback_key, invoice_id, payment_id, status, amount, paid_amount, outcome,
                                       flagged, body)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (callback_key) do nothing""";

    /** The callback's key and whether this is its first delivery. */
    public record Recorded(String key, boolean first) {
    }

    public static long paidAmount(XenditCallback callback) {
        return callback.paidAmount() != null ? callback.paidAmount() : callback.amount() != null ? callback.amount() : -1;
    }

    public Uni<Recorded> recordOnce(UUID paymentId, XenditCallback callback, CallbackDecision decision, String body) {
        boolean mismatch = decision == CallbackDecision.AMOUNT_MISMATCH;
        String key = callback.id() + ":" + callback.status() + (mismatch ? ":mismatch:" + paidAmount(callback) : "");
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, key)
                        .setParameter(3, callback.id())
                        .setParameter(4, paymentId)
                        .setParameter(5, callback.status())
                        .setParameter(6, callback.amount())
                        .setParameter(7, callback.paidAmount())
                        .setParameter(8, decision.outcome())
                        .setParameter(9, mismatch)
                        .setParameter(10, body)
                        .executeUpdate())
                .map(inserted -> new Recorded(key, inserted == 1));
    }
}

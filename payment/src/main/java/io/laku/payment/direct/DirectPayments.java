package io.laku.payment.direct;

import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderConfirmed;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.contracts.payment.DirectPaymentRefunded;
import io.laku.contracts.payment.DirectRefundReason;
import io.laku.payment.ledger.Accounts;
import io.laku.payment.ledger.EscrowRules;
import io.laku.payment.ledger.Ledger;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A store order's direct payment, driven by the order's events (SPEC §8): confirmed -> a payment the invoice worker
 * opens; cancelled -> an open invoice is closed, a paid one refunded in full to the wallet; shipped -> the money goes
 * to the seller's payable. Every money movement is a ledger entry with its own reference, so each happens once.
 */
@ApplicationScoped
public class DirectPayments {

    private static final Logger LOG = Logger.getLogger(DirectPayments.class);

    private static final String NEW_PAYMENT = """
            insert into direct_payment (id, order_id, customer_id, seller_id, amount, status)
            values (?1, ?2, ?3, ?4, ?5, 'pending_invoice') on conflict (order_id) do nothing""";

    @Inject
    Ledger ledger;

    @Inject
    OutboxWriter outbox;

    /** The seller holds the order's stock: the customer is to pay. */
    public Uni<Void> confirmed(StoreOrderConfirmed confirmed) {
        if (confirmed.getAmount() <= 0) {
            throw new PoisonEventException("store order " + confirmed.getOrderId() + " confirmed for " + confirmed.getAmount());
        }
        UUID orderId = uuid(confirmed.getOrderId(), "orderId");
        return Panache.getSession().chain(session -> session.createNativeQuery(NEW_PAYMENT)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, orderId)
                        .setParameter(3, uuid(confirmed.getCustomerId(), "customerId"))
                        .setParameter(4, uuid(confirmed.getSellerId(), "sellerId"))
                        .setParameter(5, confirmed.getAmount())
                        .executeUpdate())
                .invoke(created -> LOG.infof("Direct payment of %d for store order %s: %s", confirmed.getAmount(), orderId,
                        created == 1 ? "created" : "already there"))
                .replaceWithVoid();
    }

    /** The order was cancelled: an unpaid payment ends, a paid one is refunded in full. */
    public Uni<Void> cancelled(StoreOrderCancelled cancelled) {
        UUID orderId = uuid(cancelled.getOrderId(), "orderId");
        return lockedByOrder(orderId).chain(payment -> {
            if (payment == null) {
                LOG.infof("Store order %s cancelled before its payment existed: nothing to do", orderId);
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            switch (payment.status) {
                case DirectPayment.PENDING_INVOICE -> {
                    payment.status = DirectPayment.CANCELLED;
                    payment.updatedAt = now;
                }
                case DirectPayment.AWAITING_PAYMENT -> {
                    payment.status = DirectPayment.CANCELLED;
                    payment.expireRequested = true;
                    payment.updatedAt = now;
                }
                case DirectPayment.PAID -> {
                    return refund(payment, DirectRefundReason.ORDER_CANCELLED).invoke(() -> {
                        payment.status = DirectPayment.REFUNDED;
                        payment.updatedAt = Instant.now();
                    });
                }
                default -> LOG.infof("Store order %s cancelled; its payment %s is %s: nothing to do", orderId, payment.id,
                        payment.status);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The order shipped: what it paid goes to its seller's payable (settlement takes the fee and pays it out). */
    public Uni<Void> shipped(StoreOrderShipped shipped) {
        UUID orderId = uuid(shipped.getOrderId(), "orderId");
        return lockedByOrder(orderId).chain(payment -> {
            if (payment == null || !DirectPayment.PAID.equals(payment.status)) {
                LOG.errorf("Store order %s shipped, but its payment is %s: nothing settled", orderId,
                        payment == null ? "missing" : payment.status);
                return Uni.createFrom().voidItem();
            }
            long amount = payment.amount - payment.refunded;
            return ledger.postForOrder("direct-settle:" + orderId, Accounts.order(orderId),
                            Accounts.sellerPayable(payment.sellerId), amount, Ledger.DIRECT_SETTLE, orderId, payment.id,
                            payment.sellerId)
                    .invoke(moved -> {
                        if (moved) {
                            payment.settled += amount;
                        }
                        payment.status = DirectPayment.SETTLED;
                        payment.updatedAt = Instant.now();
                        LOG.infof("Store order %s shipped: %d to the payable of seller %s", orderId, amount, payment.sellerId);
                    })
                    .replaceWithVoid();
        });
    }

    /** Money taken in for the order (from the gateway to the order's account). */
    Uni<Boolean> takeIn(DirectPayment payment) {
        return ledger.postForOrder("direct-in:" + payment.id, Accounts.GATEWAY_CLEARING, Accounts.order(payment.orderId),
                payment.amount, Ledger.DIRECT_IN, payment.orderId, payment.id, payment.sellerId);
    }

    /**
     * Everything the order's account still holds goes back to the customer's wallet, once per (payment, reason): the
     * refund id is derived from the ledger reference, so the wallet sees one refund however often it is announced.
     */
    Uni<Void> refund(DirectPayment payment, DirectRefundReason reason) {
        long amount = EscrowRules.refundable(payment.amount, payment.refunded + payment.settled, payment.amount);
        if (amount == 0) {
            return Uni.createFrom().voidItem();
        }
        String reference = "direct-refund:" + payment.id + ":" + reason;
        return ledger.postForOrder(reference, Accounts.order(payment.orderId), Accounts.WALLET_LIABILITY, amount,
                        Ledger.DIRECT_REFUND, payment.orderId, payment.id, payment.sellerId)
                .chain(moved -> {
                    if (!moved) {
                        return Uni.createFrom().voidItem();
                    }
                    payment.refunded += amount;
                    payment.updatedAt = Instant.now();
                    UUID refundId = UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8));
                    LOG.infof("Refund %s: %d of store order %s to the wallet of %s (%s)", refundId, amount,
                            payment.orderId, payment.customerId, reason);
                    return outbox.publish(payment.orderId, DirectPaymentRefunded.newBuilder()
                            .setOrderId(payment.orderId.toString())
                            .setRefundId(refundId.toString())
                            .setPaymentId(payment.id.toString())
                            .setCustomerId(payment.customerId.toString())
                            .setAmount(amount)
                            .setReason(reason)
                            .setRefundedAt(Instant.now())
                            .build()).replaceWithVoid();
                });
    }

    private static Uni<DirectPayment> lockedByOrder(UUID orderId) {
        return DirectPayment.<DirectPayment>find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}

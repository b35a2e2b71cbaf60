package io.laku.e2e;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderLine;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.order.CreatedOrder;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.CancelledRefund;
import io.laku.contracts.session.FailedRefund;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.wallet.WalletCredited;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Builders for the events notifications reacts to, as their owners publish them (payment, wallet, warehouse's
 * fulfilment, order), with the ids a test needs to control. Publish with {@link Events#publish}.
 */
final class NotifiedEvents {

    private NotifiedEvents() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static PaymentInvoiceCreated invoiceCreated(UUID session, UUID user, UUID payment, long amount, String url,
            Instant expiresAt) {
        return PaymentInvoiceCreated.newBuilder().setSessionId(session.toString())
                .setParticipantId(UUID.randomUUID().toString()).setPaymentId(payment.toString())
                .setUserId(user.toString()).setAmount(amount).setInvoiceUrl(url).setExpiresAt(expiresAt)
                .setCreatedAt(now()).build();
    }

    static PaymentPaid paid(UUID session, UUID user, UUID payment, long amount) {
        return PaymentPaid.newBuilder().setSessionId(session.toString()).setParticipantId(UUID.randomUUID().toString())
                .setPaymentId(payment.toString()).setUserId(user.toString()).setAmount(amount).setPaidAt(now()).build();
    }

    static EscrowReleased escrowReleased(UUID session, UUID factory, long amount, long paidIn, long refunded) {
        return EscrowReleased.newBuilder().setSessionId(session.toString()).setFactoryId(factory.toString())
                .setAmount(amount).setPaidIn(paidIn).setRefunded(refunded).setReleasedAt(now()).build();
    }

    static WalletCredited walletCredited(UUID user, long amount, long balanceAfter, String reference, String reason,
            UUID session) {
        return WalletCredited.newBuilder().setUserId(user.toString()).setTransactionId(UUID.randomUUID().toString())
                .setAmount(amount).setBalanceAfter(balanceAfter).setReference(reference).setReason(reason)
                .setSessionId(session == null ? null : session.toString()).setOccurredAt(now()).build();
    }

    static FailedRefund failedRefund(UUID user, long amount) {
        return FailedRefund.newBuilder().setParticipantId(UUID.randomUUID().toString()).setUserId(user.toString())
                .setAmount(amount).build();
    }

    static SessionCancelled cancelled(UUID session, UUID factory, String reason, List<CancelledRefund> refunds) {
        return SessionCancelled.newBuilder().setSessionId(session.toString()).setProductId(UUID.randomUUID().toString())
                .setFactoryId(factory.toString()).setCancelledBy(UUID.randomUUID().toString()).setReason(reason)
                .setRefunds(refunds).setCancelledAt(now()).build();
    }

    static CancelledRefund cancelledRefund(UUID user, long amount) {
        return CancelledRefund.newBuilder().setParticipantId(UUID.randomUUID().toString()).setUserId(user.toString())
                .setAmount(amount).build();
    }

    /** A line of a purchase order: {@code bundles x unitsPerBundle} units of a variant ordered. */
    static PurchaseOrderLine line(String variantName, int unitsPerBundle, long missing, long bundles) {
        return PurchaseOrderLine.newBuilder().setVariantId(UUID.randomUUID().toString()).setVariantName(variantName)
                .setUnitsPerBundle(unitsPerBundle).setMissingUnits(missing).setOrderedUnits(bundles * unitsPerBundle)
                .build();
    }

    static PurchaseOrderCreated purchaseOrder(UUID session, UUID factory, UUID purchaseOrder, String poNumber,
            String productName, long bundles, List<PurchaseOrderLine> lines) {
        return PurchaseOrderCreated.newBuilder().setSessionId(session.toString())
                .setPurchaseOrderId(purchaseOrder.toString()).setPoNumber(poNumber).setFactoryId(factory.toString())
                .setProductId(UUID.randomUUID().toString()).setProductName(productName).setBundles(bundles)
                .setLines(lines).setCreatedAt(now()).build();
    }

    static PurchaseOrderReceived purchaseOrderReceived(UUID session, UUID purchaseOrder, String poNumber, long bundles,
            long... units) {
        List<ReceivedUnits> lines = java.util.Arrays.stream(units).mapToObj(u -> ReceivedUnits.newBuilder()
                .setVariantId(UUID.randomUUID().toString()).setUnits(u).build()).toList();
        return PurchaseOrderReceived.newBuilder().setSessionId(session.toString())
                .setPurchaseOrderId(purchaseOrder.toString()).setPoNumber(poNumber).setBundles(bundles).setLines(lines)
                .setReceivedAt(now()).build();
    }

    static CreatedOrder order(UUID user, String orderNumber, long quantity, long finalUnitPrice) {
        return CreatedOrder.newBuilder().setOrderId(UUID.randomUUID().toString()).setOrderNumber(orderNumber)
                .setParticipantId(UUID.randomUUID().toString()).setUserId(user.toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(quantity).setFinalUnitPrice(finalUnitPrice)
                .build();
    }

    static OrdersCreated ordersCreated(UUID session, List<CreatedOrder> orders) {
        return OrdersCreated.newBuilder().setSessionId(session.toString()).setOrders(orders).setCreatedAt(now()).build();
    }
}

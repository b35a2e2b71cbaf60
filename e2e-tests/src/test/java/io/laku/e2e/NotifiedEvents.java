package io.laku.e2e;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderLine;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
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

    static OrderPlaced orderPlaced(UUID session, UUID user, String orderNumber, long quantity, long finalUnitPrice) {
        return OrderPlaced.newBuilder().setOrderId(UUID.randomUUID().toString()).setOrderNumber(orderNumber)
                .setSessionId(session.toString()).setFactoryId(UUID.randomUUID().toString())
                .setParticipantId(UUID.randomUUID().toString()).setUserId(user.toString())
                .setProductId(UUID.randomUUID().toString()).setProductName("Premium Hoodie")
                .setVariantId(UUID.randomUUID().toString()).setVariantName("M").setQuantity(quantity)
                .setPaidUnitPrice(200_000).setFinalUnitPrice(finalUnitPrice).setTotal(quantity * finalUnitPrice)
                .setPlacedAt(now()).build();
    }
}

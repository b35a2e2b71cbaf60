package io.laku.contracts;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderConfirmed;
import io.laku.contracts.order.StoreOrderPlaced;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.contracts.payment.DirectPaymentCreated;
import io.laku.contracts.payment.DirectPaymentExpired;
import io.laku.contracts.payment.DirectPaymentPaid;
import io.laku.contracts.payment.DirectPaymentRefunded;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.seller.SellerProductListed;
import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerSuspended;
import io.laku.contracts.seller.SellerVerified;
import io.laku.contracts.sellerstock.OrderStockRejected;
import io.laku.contracts.sellerstock.OrderStockReserved;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
import io.laku.contracts.settlement.PayoutCompleted;
import io.laku.contracts.settlement.PayoutFailed;
import io.laku.contracts.wallet.WalletCredited;
import io.laku.contracts.wallet.WalletDebited;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event Laku publishes, the aggregate (so the topic) it belongs to, and the service that owns it.
 *
 * <p>One topic per aggregate type: {@code laku.<aggregate>}, keyed by the aggregate id. Group-buying's payment,
 * fulfilment and order events are keyed by the session id, so one session's story is read in order
 * from each topic; the seller store's order, stock and direct payment events are keyed by the order id, so
 * one store order's story is. Add a new event here and in {@code contracts/avro/}; the owning service
 * registers its schemas with the registry when it starts.
 */
public final class EventCatalog {

    public enum Aggregate {
        PRODUCT("product", "group-buying", "product id"),
        SESSION("session", "group-buying", "session id"),
        PAYMENT("payment", "payment", "session id, or store order id for a direct payment"),
        WALLET("wallet", "wallet", "user id"),
        FULFILMENT("fulfilment", "warehouse", "session id"),
        ORDER("order", "order", "session id, or store order id"),
        /** A seller's account and catalogue. */
        SELLER("seller", "seller", "seller id"),
        /** A seller's stock held for one store order. */
        SELLER_STOCK("seller-stock", "seller", "store order id"),
        /** A payee's payouts. */
        SETTLEMENT("settlement", "settlement", "payee id");

        private final String type;
        private final String owner;
        private final String keyedBy;

        Aggregate(String type, String owner, String keyedBy) {
            this.type = type;
            this.owner = owner;
            this.keyedBy = keyedBy;
        }

        /** What the Kafka key of this topic's records is (a UUID string). */
        public String keyedBy() {
            return keyedBy;
        }

        /** The outbox {@code aggregate_type} column; Debezium routes it to {@link #topic()}. */
        public String type() {
            return type;
        }

        public String topic() {
            return "laku." + type;
        }

        /** The service (its {@code quarkus.application.name}) that publishes this aggregate's events. */
        public String owner() {
            return owner;
        }
    }

    private static final Map<Class<? extends SpecificRecord>, Aggregate> EVENTS = Map.ofEntries(
            Map.entry(ProductConfigured.class, Aggregate.PRODUCT),
            Map.entry(SessionCreated.class, Aggregate.SESSION),
            Map.entry(ParticipantJoined.class, Aggregate.SESSION),
            Map.entry(ParticipantLeft.class, Aggregate.SESSION),
            Map.entry(SessionConfirmed.class, Aggregate.SESSION),
            Map.entry(SessionFailed.class, Aggregate.SESSION),
            Map.entry(SessionCancelled.class, Aggregate.SESSION),
            Map.entry(SeatSettled.class, Aggregate.SESSION),
            Map.entry(ProductionCompleted.class, Aggregate.SESSION),
            Map.entry(PaymentInvoiceCreated.class, Aggregate.PAYMENT),
            Map.entry(PaymentPaid.class, Aggregate.PAYMENT),
            Map.entry(PaymentExpired.class, Aggregate.PAYMENT),
            Map.entry(RefundIssued.class, Aggregate.PAYMENT),
            Map.entry(EscrowReleased.class, Aggregate.PAYMENT),
            Map.entry(WalletCredited.class, Aggregate.WALLET),
            Map.entry(WalletDebited.class, Aggregate.WALLET),
            Map.entry(StockReserved.class, Aggregate.FULFILMENT),
            Map.entry(PurchaseOrderCreated.class, Aggregate.FULFILMENT),
            Map.entry(PurchaseOrderReceived.class, Aggregate.FULFILMENT),
            Map.entry(OrderPlaced.class, Aggregate.ORDER),
            Map.entry(OrdersCreated.class, Aggregate.ORDER),
            Map.entry(StoreOrderPlaced.class, Aggregate.ORDER),
            Map.entry(StoreOrderConfirmed.class, Aggregate.ORDER),
            Map.entry(StoreOrderCancelled.class, Aggregate.ORDER),
            Map.entry(StoreOrderShipped.class, Aggregate.ORDER),
            Map.entry(DirectPaymentCreated.class, Aggregate.PAYMENT),
            Map.entry(DirectPaymentPaid.class, Aggregate.PAYMENT),
            Map.entry(DirectPaymentExpired.class, Aggregate.PAYMENT),
            Map.entry(DirectPaymentRefunded.class, Aggregate.PAYMENT),
            Map.entry(SellerRegistered.class, Aggregate.SELLER),
            Map.entry(SellerVerified.class, Aggregate.SELLER),
            Map.entry(SellerSuspended.class, Aggregate.SELLER),
            Map.entry(SellerProductListed.class, Aggregate.SELLER),
            Map.entry(OrderStockReserved.class, Aggregate.SELLER_STOCK),
            Map.entry(OrderStockRejected.class, Aggregate.SELLER_STOCK),
            Map.entry(PayoutCompleted.class, Aggregate.SETTLEMENT),
            Map.entry(PayoutFailed.class, Aggregate.SETTLEMENT));

    /** A service that consumes an event, and what it does with it. */
    public record Reaction(String service, String effect) {
    }

    /**
     * Who reacts to each event (every catalogued event is here; an empty list: nobody yet). A test checks it against
     * the topics each service's channels subscribe to, so a consumer added in a service shows up here.
     */
    private static final Map<Class<? extends SpecificRecord>, List<Reaction>> CONSUMERS = Map.ofEntries(
            Map.entry(ProductConfigured.class, List.of(
                    new Reaction("warehouse", "catalogue and inventory rows, bundle composition for purchase orders"),
                    new Reaction("order", "product and variant names for the order snapshot"))),
            Map.entry(SessionCreated.class, List.of(new Reaction("notifications", "a notice to the factory"))),
            Map.entry(ParticipantJoined.class, List.of(
                    new Reaction("payment", "the seat's escrow invoice"),
                    new Reaction("notifications", "who is in the session"))),
            Map.entry(ParticipantLeft.class, List.of(new Reaction("payment", "full refund of a paid seat"))),
            Map.entry(SessionConfirmed.class, List.of(
                    new Reaction("payment", "the outcome: how many seats to settle, then the escrow release"),
                    new Reaction("warehouse", "reserve stock or order whole bundles from the factory"),
                    new Reaction("order", "the settlement orders are made from"),
                    new Reaction("notifications", "the outcome to the factory"))),
            Map.entry(SessionFailed.class, List.of(
                    new Reaction("payment", "the outcome: how many seats to refund in full"),
                    new Reaction("notifications", "everyone who joined is told"))),
            Map.entry(SessionCancelled.class, List.of(
                    new Reaction("payment", "the outcome: how many seats to refund in full"),
                    new Reaction("notifications", "everyone who joined is told"))),
            Map.entry(SeatSettled.class, List.of(
                    new Reaction("payment", "the seat's refund (tier difference, or in full), once per seat"),
                    new Reaction("order", "the seat's order, once the stock is reserved"),
                    new Reaction("notifications", "the seat's outcome to its customer"))),
            Map.entry(ProductionCompleted.class, List.of(
                    new Reaction("payment", "release the escrow (once orders exist too)"),
                    new Reaction("order", "orders ready to ship"),
                    new Reaction("notifications", "participants are told"))),
            Map.entry(PaymentInvoiceCreated.class, List.of(
                    new Reaction("group-buying", "shows the payment link"),
                    new Reaction("notifications", "the pay-here notice"))),
            Map.entry(PaymentPaid.class, List.of(
                    new Reaction("group-buying", "tally: the seat is paid"),
                    new Reaction("notifications", "payment received"))),
            Map.entry(PaymentExpired.class, List.of(new Reaction("group-buying", "the seat is released"))),
            Map.entry(RefundIssued.class, List.of(
                    new Reaction("wallet", "credit, once per refund id"),
                    new Reaction("group-buying", "timeline (refunds n/m)"))),
            Map.entry(EscrowReleased.class, List.of(
                    new Reaction("group-buying", "the session is a success"),
                    new Reaction("notifications", "the factory is told"),
                    new Reaction("settlement", "the factory's payable balance"))),
            Map.entry(WalletCredited.class, List.of(new Reaction("notifications", "refund credited"))),
            Map.entry(WalletDebited.class, List.of()),
            Map.entry(StockReserved.class, List.of(
                    new Reaction("group-buying", "moq_reached (production implied from stock on hand)"),
                    new Reaction("order", "create the orders"))),
            Map.entry(PurchaseOrderCreated.class, List.of(
                    new Reaction("group-buying", "pending_stock"),
                    new Reaction("notifications", "WhatsApp to the factory"))),
            Map.entry(PurchaseOrderReceived.class, List.of(
                    new Reaction("group-buying", "timeline"),
                    new Reaction("notifications", "the factory delivered"))),
            Map.entry(OrderPlaced.class, List.of(new Reaction("notifications", "order created, to its customer"))),
            Map.entry(OrdersCreated.class, List.of(
                    new Reaction("group-buying", "timeline; production implied if the stock was on hand"),
                    new Reaction("payment", "a condition of the escrow release"))),
            Map.entry(StoreOrderPlaced.class, List.of(new Reaction("seller", "hold the seller's stock for the order"))),
            Map.entry(StoreOrderConfirmed.class, List.of(new Reaction("payment", "the order's direct payment invoice"))),
            Map.entry(StoreOrderCancelled.class, List.of(
                    new Reaction("seller", "the held stock goes back on sale"),
                    new Reaction("payment", "a paid direct payment is refunded to the wallet"))),
            Map.entry(StoreOrderShipped.class, List.of(
                    new Reaction("seller", "the held stock leaves the store"),
                    new Reaction("payment", "the direct payment is settled to the seller"),
                    new Reaction("settlement", "the seller's balance grows by the order total less the fee"))),
            Map.entry(DirectPaymentCreated.class, List.of(new Reaction("order", "the order shows its payment link"))),
            Map.entry(DirectPaymentPaid.class, List.of(new Reaction("order", "the order is paid, ready to ship"))),
            Map.entry(DirectPaymentExpired.class, List.of(new Reaction("order", "the unpaid order is cancelled"))),
            Map.entry(DirectPaymentRefunded.class, List.of(new Reaction("wallet", "credit, once per refund id"))),
            Map.entry(SellerRegistered.class, List.of(
                    new Reaction("order", "the store's name and state for checkout"),
                    new Reaction("settlement", "the seller becomes a payee (bank account, fee)"))),
            Map.entry(SellerVerified.class, List.of(
                    new Reaction("order", "the store may sell"),
                    new Reaction("settlement", "the payee may be paid out"))),
            Map.entry(SellerSuspended.class, List.of(new Reaction("order", "the store stops selling"))),
            Map.entry(SellerProductListed.class, List.of(new Reaction("order", "product, price and weight for checkout"))),
            Map.entry(OrderStockReserved.class, List.of(new Reaction("order", "the order is confirmed"))),
            Map.entry(OrderStockRejected.class, List.of(new Reaction("order", "the order is cancelled: out of stock"))),
            Map.entry(PayoutCompleted.class, List.of(new Reaction("notifications", "the payee is told its payout was sent"))),
            Map.entry(PayoutFailed.class, List.of(new Reaction("notifications", "the payee is told, balance unchanged"))));

    private EventCatalog() {
    }

    /** Every catalogued event type and its aggregate. */
    public static Map<Class<? extends SpecificRecord>, Aggregate> events() {
        return EVENTS;
    }

    /** The services that consume an event type, and what for. */
    public static List<Reaction> consumersOf(Class<? extends SpecificRecord> eventType) {
        aggregateOf(eventType);
        return CONSUMERS.getOrDefault(eventType, List.of());
    }

    /** Whether the catalogue says who consumes the event type (possibly nobody). */
    public static boolean consumersDeclared(Class<? extends SpecificRecord> eventType) {
        return CONSUMERS.containsKey(eventType);
    }

    public static Aggregate aggregateOf(Class<? extends SpecificRecord> eventType) {
        return Optional.ofNullable(EVENTS.get(eventType))
                .orElseThrow(() -> new IllegalArgumentException(eventType.getName() + " is not in the event catalogue"));
    }

    public static List<Schema> schemas() {
        return EVENTS.keySet().stream().map(EventCatalog::schemaOf).toList();
    }

    /** The schemas of the events a service publishes. */
    public static List<Schema> schemasPublishedBy(String service) {
        return EVENTS.entrySet().stream()
                .filter(event -> event.getValue().owner().equals(service))
                .map(event -> schemaOf(event.getKey()))
                .toList();
    }

    public static Schema schemaOf(Class<? extends SpecificRecord> eventType) {
        try {
            return (Schema) eventType.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(eventType + " is not an Avro-generated class", e);
        }
    }
}

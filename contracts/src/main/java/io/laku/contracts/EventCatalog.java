package io.laku.contracts;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
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
 * <p>One topic per aggregate type: {@code laku.<aggregate>}, keyed by the aggregate id. Payment,
 * fulfilment and order events are keyed by the session id, so one session's story is read in order
 * from each topic. Add a new event here and in {@code contracts/avro/}; the owning service registers
 * its schemas with the registry when it starts.
 */
public final class EventCatalog {

    public enum Aggregate {
        PRODUCT("product", "group-buying"),
        SESSION("session", "group-buying"),
        PAYMENT("payment", "payment"),
        WALLET("wallet", "wallet"),
        FULFILMENT("fulfilment", "warehouse"),
        ORDER("order", "order");

        private final String type;
        private final String owner;

        Aggregate(String type, String owner) {
            this.type = type;
            this.owner = owner;
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
            Map.entry(OrdersCreated.class, Aggregate.ORDER));

    private EventCatalog() {
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

package io.laku.order.orders;

import io.laku.order.ordering.OrderDraft;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An order (table customer_order: "order" is an SQL keyword): a group-buying participant's, or a seller store's
 * ({@code orderSource}). Its items hold the product snapshot.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "factory_id")
    public UUID factoryId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "participant_id")
    public UUID participantId;

    /** An {@link io.laku.order.ordering.OrderStatus} code. */
    public String status;

    public long total;

    public long refund;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static final String GROUP_BUYING = "group_buying";
    public static final String SELLER_STORE = "seller_store";

    /** group_buying (one per real participant of a confirmed session) or seller_store (SPEC §8). */
    @Column(name = "order_source")
    public String orderSource = GROUP_BUYING;

    // --- seller-store orders only (null for group-buying orders)

    @Column(name = "seller_id")
    public UUID sellerId;

    @Column(name = "seller_user_id")
    public UUID sellerUserId;

    @Column(name = "checkout_id")
    public UUID checkoutId;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "payment_url")
    public String paymentUrl;

    @Column(name = "payment_expires_at")
    public Instant paymentExpiresAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "rejected_variant_id")
    public UUID rejectedVariantId;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason")
    public String cancelReason;

    public String courier;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static CustomerOrder of(OrderDraft draft) {
        CustomerOrder order = new CustomerOrder();
        order.id = draft.orderId();
        order.orderNumber = draft.orderNumber();
        order.sessionId = draft.sessionId();
        order.factoryId = draft.factoryId();
        order.userId = draft.userId();
        order.participantId = draft.participantId();
        order.status = draft.status().code();
        order.total = draft.item().total();
        order.refund = draft.item().refund();
        order.createdAt = draft.createdAt();
        order.updatedAt = draft.createdAt();
        return order;
    }
}

package io.laku.order.orders;

import io.laku.order.ordering.OrderDraft;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A participant's order (table customer_order: "order" is an SQL keyword). Its items hold the product snapshot. */
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

package io.laku.order.orders;

import io.laku.order.ordering.ProductSnapshot;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A line of an order: the product snapshot taken when the order was made. */
@Entity
@Table(name = "order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    public int line;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "variant_name")
    public String variantName;

    public long quantity;

    @Column(name = "paid_unit_price")
    public long paidUnitPrice;

    @Column(name = "final_unit_price")
    public long finalUnitPrice;

    public long refund;

    public long total;

    public static OrderItem of(UUID orderId, int line, ProductSnapshot snapshot) {
        OrderItem item = new OrderItem();
        item.id = UUID.randomUUID();
        item.orderId = orderId;
        item.line = line;
        item.productId = snapshot.productId();
        item.productName = snapshot.productName();
        item.variantId = snapshot.variantId();
        item.variantName = snapshot.variantName();
        item.quantity = snapshot.quantity();
        item.paidUnitPrice = snapshot.paidUnitPrice();
        item.finalUnitPrice = snapshot.finalUnitPrice();
        item.refund = snapshot.refund();
        item.total = snapshot.total();
        return item;
    }
}

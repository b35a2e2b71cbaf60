package io.laku.order.store;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.order.ShippedLine;
import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderCanceller;
import io.laku.contracts.order.StoreOrderConfirmed;
import io.laku.contracts.order.StoreOrderLine;
import io.laku.contracts.order.StoreOrderPlaced;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.contracts.payment.DirectPaymentCreated;
import io.laku.contracts.payment.DirectPaymentExpired;
import io.laku.contracts.payment.DirectPaymentPaid;
import io.laku.contracts.sellerstock.OrderStockRejected;
import io.laku.contracts.sellerstock.OrderStockReserved;
import io.laku.order.ordering.OrderNumber;
import io.laku.order.orders.CustomerOrder;
import io.laku.order.orders.OrderItem;
import io.laku.order.store.StoreOrderLife.Step;
import io.laku.platform.eventing.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The seller store's orders: the checkout, the customer's and the seller's actions, and the facts the seller and
 * payment send back, each applied through {@link StoreOrderLife} to the locked order row in the caller's transaction.
 */
@ApplicationScoped
public class StoreOrders {

    private static final Logger LOG = Logger.getLogger(StoreOrders.class);

    @Inject
    CheckoutKeys checkoutKeys;

    @Inject
    OutboxWriter outbox;

    /** The basket split per seller, at the sellers' prices, against what order knows of the stores. */
    public Uni<List<CheckoutSplit.SellerOrder>> quote(List<CheckoutSplit.Line> basket) {
        List<UUID> variantIds = basket.stream().map(CheckoutSplit.Line::variantId).distinct().toList();
        return StoreVariant.<StoreVariant>list("variantId in ?1", variantIds).chain(variants -> {
            List<UUID> productIds = variants.stream().map(v -> v.productId).distinct().toList();
            List<UUID> sellerIds = variants.stream().map(v -> v.sellerId).distinct().toList();
            Uni<List<StoreProduct>> products = productIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : StoreProduct.list("productId in ?1", productIds);
            return products.chain(ps -> (sellerIds.isEmpty() ? Uni.createFrom().item(List.<StoreSeller>of())
                    : StoreSeller.<StoreSeller>list("sellerId in ?1", sellerIds)).map(sellers -> {
                Map<UUID, String> productNames = ps.stream().collect(Collectors.toMap(p -> p.productId, p -> p.name));
                Map<UUID, CheckoutSplit.Offer> offers = variants.stream().collect(Collectors.toMap(v -> v.variantId,
                        v -> new CheckoutSplit.Offer(v.variantId, v.productId, productNames.get(v.productId), v.name,
                                v.sellerId, v.price)));
                Map<UUID, CheckoutSplit.Store> stores = sellers.stream().collect(Collectors.toMap(s -> s.sellerId,
                        StoreSeller::store));
                return CheckoutSplit.split(basket, offers, stores);
            }));
        });
    }

    /** A checkout's orders, and whether they are those an earlier request with the same idempotency key made. */
    public record Checkout(List<CustomerOrder> orders, boolean repeated) {
    }

    /**
     * SPEC §8 checkout: one order per seller, pending_stock_check, each announced to its seller. With an idempotency
     * key, a repeat of the same basket answers the orders the first request made and makes none.
     */
    public Uni<Checkout> checkout(UUID customerId, List<CheckoutSplit.Line> basket, Optional<String> idempotencyKey) {
        UUID checkoutId = UUID.randomUUID();
        Uni<Optional<UUID>> earlier = idempotencyKey.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : checkoutKeys.claim(customerId, idempotencyKey.get(), checkoutId, basket);
        return earlier.chain(made -> made.isPresent()
                ? CustomerOrder.<CustomerOrder>list("checkoutId = ?1 order by orderNumber", made.get())
                        .invoke(orders -> LOG.infof("Checkout %s of customer %s repeated (Idempotency-Key): %d orders, "
                                + "none made", made.get(), customerId, orders.size()))
                        .map(orders -> new Checkout(orders, true))
                : place(customerId, checkoutId, basket).map(orders -> new Checkout(orders, false)));
    }

    private Uni<List<CustomerOrder>> place(UUID customerId, UUID checkoutId, List<CheckoutSplit.Line> basket) {
        Instant now = Instant.now();
        return quote(basket).chain(split -> {
            List<CustomerOrder> orders = new ArrayList<>();
            return inOrder(split, sellerOrder -> place(customerId, checkoutId, now, sellerOrder).invoke(orders::add))
                    .invoke(() -> LOG.infof("Checkout %s of customer %s: %d orders, %s", checkoutId, customerId,
                            orders.size(), orders.stream().map(o -> o.orderNumber + " " + o.total).toList()))
                    .replaceWith(orders);
        });
    }

    private Uni<CustomerOrder> place(UUID customerId, UUID checkoutId, Instant now, CheckoutSplit.SellerOrder split) {
        CustomerOrder order = new CustomerOrder();
        order.id = UUID.randomUUID();
        order.orderNumber = OrderNumber.of(now, order.id);
        order.orderSource = CustomerOrder.SELLER_STORE;
        order.userId = customerId;
        order.sellerId = split.store().sellerId();
        order.sellerUserId = split.store().userId();
        order.checkoutId = checkoutId;
        order.status = StoreOrderStatus.PENDING_STOCK_CHECK.code();
        order.total = split.total();
        order.refund = 0;
        order.createdAt = now;
        order.updatedAt = now;
        List<OrderItem> items = new ArrayList<>();
        for (CheckoutSplit.OrderLine line : split.lines()) {
            OrderItem item = new OrderItem();
            item.id = UUID.randomUUID();
            item.orderId = order.id;
            item.line = items.size() + 1;
            item.productId = line.offer().productId();
            item.productName = line.offer().productName() == null ? line.offer().productId().toString()
                    : line.offer().productName();
            item.variantId = line.offer().variantId();
            item.variantName = line.offer().variantName();
            item.quantity = line.quantity();
            item.paidUnitPrice = line.offer().price();
            item.finalUnitPrice = line.offer().price();
            item.refund = 0;
            item.total = line.total();
            items.add(item);
        }
        return order.<CustomerOrder>persist()
                .chain(() -> inOrder(items, item -> item.persist()))
                .chain(() -> outbox.publish(order.id, StoreOrderPlaced.newBuilder()
                        .setOrderId(order.id.toString())
                        .setOrderNumber(order.orderNumber)
                        .setCheckoutId(checkoutId.toString())
                        .setCustomerId(customerId.toString())
                        .setSellerId(order.sellerId.toString())
                        .setLines(items.stream().map(i -> StoreOrderLine.newBuilder().setProductId(i.productId.toString())
                                .setVariantId(i.variantId.toString()).setQuantity(i.quantity)
                                .setUnitPrice(i.finalUnitPrice).setTotal(i.total).build()).toList())
                        .setTotal(order.total)
                        .setPlacedAt(now)
                        .build()))
                .replaceWith(order);
    }

    /** Who asks for a cancel, decided by the resource from the caller and the order. */
    public enum Actor { CUSTOMER, SELLER }

    /** @return the order after the cancel, or empty when its status does not allow it (nothing changed) */
    public Uni<Optional<CustomerOrder>> cancel(CustomerOrder order, Actor actor, String reason) {
        Step step = actor == Actor.CUSTOMER ? Step.CUSTOMER_CANCELS : Step.SELLER_CANCELS;
        StoreOrderStatus before = StoreOrderStatus.ofCode(order.status);
        Optional<StoreOrderStatus> next = StoreOrderLife.after(before, step);
        if (next.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return close(order, actor == Actor.CUSTOMER ? StoreOrderCanceller.CUSTOMER : StoreOrderCanceller.SELLER,
                StoreOrderLife.paid(before), reason).map(Optional::of);
    }

    /** @return the order shipped, or empty when it is not paid (nothing changed) */
    public Uni<Optional<CustomerOrder>> ship(CustomerOrder order, String courier, String trackingNumber) {
        Optional<StoreOrderStatus> next = StoreOrderLife.after(StoreOrderStatus.ofCode(order.status), Step.SELLER_SHIPS);
        if (next.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Instant now = Instant.now();
        order.status = next.get().code();
        order.courier = courier;
        order.trackingNumber = trackingNumber;
        order.shippedAt = now;
        order.updatedAt = now;
        return OrderItem.<OrderItem>list("orderId = ?1 order by line", order.id)
                .chain(items -> outbox.publish(order.id, StoreOrderShipped.newBuilder()
                        .setOrderId(order.id.toString())
                        .setCustomerId(order.userId.toString())
                        .setSellerId(order.sellerId.toString())
                        .setTotal(order.total)
                        .setCourier(courier)
                        .setTrackingNumber(trackingNumber)
                        .setLines(items.stream().map(i -> ShippedLine.newBuilder().setVariantId(i.variantId.toString())
                                .setQuantity(i.quantity).build()).toList())
                        .setShippedAt(now)
                        .build()))
                .invoke(() -> LOG.infof("Store order %s shipped by %s %s", order.orderNumber, courier, trackingNumber))
                .replaceWith(Optional.of(order));
    }

    // ---- facts from the seller (laku.seller-stock) and payment (laku.payment), keyed by order id

    public Uni<Void> stockReserved(OrderStockReserved reserved) {
        return onOrder(reserved.getOrderId(), Step.STOCK_RESERVED, order -> outbox.publish(order.id,
                StoreOrderConfirmed.newBuilder()
                        .setOrderId(order.id.toString())
                        .setCustomerId(order.userId.toString())
                        .setSellerId(order.sellerId.toString())
                        .setAmount(order.total)
                        .setConfirmedAt(Instant.now())
                        .build()).replaceWithVoid());
    }

    public Uni<Void> stockRejected(OrderStockRejected rejected) {
        return onOrder(rejected.getOrderId(), Step.STOCK_REJECTED, order -> {
            order.rejectionReason = rejected.getReason().name().toLowerCase();
            order.rejectedVariantId = rejected.getVariantId() == null ? null
                    : StoreCatalogue.uuid(rejected.getVariantId(), "variantId");
            order.closedAt = Instant.now();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> paymentCreated(DirectPaymentCreated created) {
        return locked(created.getOrderId()).chain(order -> {
            if (order == null || !StoreOrderStatus.PENDING_PAYMENT.code().equals(order.status)) {
                LOG.infof("Payment link for store order %s not shown (%s)", created.getOrderId(),
                        order == null ? "unknown order" : order.status);
                return Uni.createFrom().voidItem();
            }
            order.paymentId = StoreCatalogue.uuid(created.getPaymentId(), "paymentId");
            order.paymentUrl = created.getPaymentUrl();
            order.paymentExpiresAt = created.getExpiresAt();
            order.updatedAt = Instant.now();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> paymentPaid(DirectPaymentPaid paid) {
        return onOrder(paid.getOrderId(), Step.PAYMENT_PAID, order -> {
            order.paidAt = paid.getPaidAt();
            return Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> paymentExpired(DirectPaymentExpired expired) {
        return locked(expired.getOrderId()).chain(order -> {
            if (order == null || StoreOrderLife.after(StoreOrderStatus.ofCode(order.status), Step.PAYMENT_EXPIRED).isEmpty()) {
                LOG.infof("Expired payment of store order %s changes nothing (%s)", expired.getOrderId(),
                        order == null ? "unknown order" : order.status);
                return Uni.createFrom().voidItem();
            }
            return close(order, StoreOrderCanceller.PAYMENT_EXPIRED, false, "the payment expired unpaid").replaceWithVoid();
        });
    }

    private Uni<CustomerOrder> close(CustomerOrder order, StoreOrderCanceller by, boolean wasPaid, String reason) {
        Instant now = Instant.now();
        order.status = StoreOrderStatus.CANCELLED.code();
        order.cancelledBy = by.name().toLowerCase();
        order.cancelReason = reason;
        order.closedAt = now;
        order.updatedAt = now;
        LOG.infof("Store order %s cancelled by %s%s", order.orderNumber, order.cancelledBy, wasPaid ? " after payment" : "");
        return outbox.publish(order.id, StoreOrderCancelled.newBuilder()
                .setOrderId(order.id.toString())
                .setCustomerId(order.userId.toString())
                .setSellerId(order.sellerId.toString())
                .setCancelledBy(by)
                .setWasPaid(wasPaid)
                .setReason(reason)
                .setCancelledAt(now)
                .build()).replaceWith(order);
    }

    private Uni<Void> onOrder(String orderId, Step step, Function<CustomerOrder, Uni<Void>> effect) {
        return locked(orderId).chain(order -> {
            if (order == null) {
                LOG.warnf("%s for unknown store order %s: ignored", step, orderId);
                return Uni.createFrom().voidItem();
            }
            Optional<StoreOrderStatus> next = StoreOrderLife.after(StoreOrderStatus.ofCode(order.status), step);
            if (next.isEmpty()) {
                LOG.infof("%s for store order %s in status %s changes nothing", step, order.orderNumber, order.status);
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Store order %s: %s -> %s (%s)", order.orderNumber, order.status, next.get().code(), step);
            order.status = next.get().code();
            order.updatedAt = Instant.now();
            return effect.apply(order);
        });
    }

    private static Uni<CustomerOrder> locked(String orderId) {
        return CustomerOrder.<CustomerOrder>findById(StoreCatalogue.uuid(orderId, "orderId"), LockModeType.PESSIMISTIC_WRITE)
                .map(order -> order != null && CustomerOrder.SELLER_STORE.equals(order.orderSource) ? order : null);
    }
}

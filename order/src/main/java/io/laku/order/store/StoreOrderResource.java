package io.laku.order.store;

import io.laku.order.orders.CustomerOrder;
import io.laku.order.orders.OrderResource;
import io.laku.order.orders.OrderView;
import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seller store's checkout and an order's cancel and ship (SPEC §8). The reads are {@link OrderResource}'s. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StoreOrderResource {

    public static final int MAX_LINES = 50;
    public static final long MAX_QUANTITY = 10_000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

    @Inject
    Caller caller;

    @Inject
    StoreOrders orders;

    public record Checkout(@NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Item> items) {
        List<CheckoutSplit.Line> basket() {
            return items.stream().map(i -> new CheckoutSplit.Line(i.variantId(), i.quantity())).toList();
        }
    }

    public record Item(@NotNull UUID variantId, @NotNull @Positive @Max(MAX_QUANTITY) Long quantity) {
    }

    public record Cancel(@Size(max = 500) String reason) {
    }

    public record Shipment(@NotBlank @Size(max = 50) String courier, @NotBlank @Size(max = 100) String trackingNumber) {
    }

    public record CheckoutView(List<OrderView> orders) {
    }

    public record Quote(List<QuotedOrder> orders, long total) {
    }

    public record QuotedOrder(UUID sellerId, List<QuotedLine> lines, long total) {
    }

    public record QuotedLine(UUID variantId, UUID productId, String productName, String variantName, long quantity,
            long unitPrice, long total) {
    }

    @POST
    @RolesAllowed(Caller.CUSTOMER)
    @WithTransaction
    @Operation(summary = "Check out a basket of seller-store variants: one order per seller, pending_stock_check")
    @APIResponse(responseCode = "201", description = "The orders, one per seller (orderSource seller_store)")
    @APIResponse(responseCode = "409", description = "variant-not-on-sale or seller-not-active: nothing was ordered; "
            + "idempotency-key-reused: the key was used for another basket")
    public Uni<Response> checkout(@NotNull @Valid Checkout checkout,
            @Parameter(description = "Optional: a retry with the same key and basket answers the same orders and makes "
                    + "none (1 to 100 visible ASCII characters; kept 7 days)")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID customer = caller.userId();
        Optional<String> key = Optional.ofNullable(idempotencyKey);
        if (key.isPresent() && !IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
        }
        return refusedAsProblem(orders.checkout(customer, checkout.basket(), key))
                .chain(done -> OrderResource.withItems(done.orders())
                        .map(views -> Response.status(201).entity(new CheckoutView(views))
                                .header("Idempotent-Replayed", done.repeated()).build()));
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Caller.CUSTOMER)
    @WithSession
    @Operation(summary = "What a checkout of this basket would order, per seller, at today's prices; writes nothing")
    public Uni<Quote> preview(@NotNull @Valid Checkout checkout) {
        return refusedAsProblem(orders.quote(checkout.basket())).map(split -> new Quote(split.stream()
                .map(o -> new QuotedOrder(o.store().sellerId(), o.lines().stream().map(l -> new QuotedLine(
                        l.offer().variantId(), l.offer().productId(), l.offer().productName(), l.offer().variantName(),
                        l.quantity(), l.offer().price(), l.total())).toList(), o.total())).toList(),
                split.stream().mapToLong(CheckoutSplit.SellerOrder::total).sum()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Caller.CUSTOMER, Caller.SELLER})
    @WithTransaction
    @Operation(summary = "Cancel a store order: its customer before paying, its seller before shipping (a paid order is "
            + "refunded in full to the wallet); the stock is released")
    @APIResponse(responseCode = "409", description = "order-not-cancellable: the order's status does not allow it")
    public Uni<OrderView> cancel(@PathParam("id") String id, @Valid Cancel cancel) {
        UUID orderId = RequestParams.uuid(id, "id");
        String reason = cancel == null || cancel.reason() == null || cancel.reason().isBlank() ? null : cancel.reason().strip();
        return storeOrder(orderId).chain(order -> {
            StoreOrders.Actor actor = actor(order);
            return orders.cancel(order, actor, reason).map(done -> refusedUnless(done, order, "order-not-cancellable",
                    actor == StoreOrders.Actor.CUSTOMER ? "A customer cancels only before paying"
                            : "A seller cancels only before shipping"));
        }).chain(StoreOrderResource::view);
    }

    @POST
    @Path("/{id}/ship")
    @RolesAllowed(Caller.SELLER)
    @WithTransaction
    @Operation(summary = "Ship a paid store order (its seller): {courier, trackingNumber}; the seller's stock is deducted")
    @APIResponse(responseCode = "409", description = "order-not-paid: only a paid order ships")
    public Uni<OrderView> ship(@PathParam("id") String id, @NotNull @Valid Shipment shipment) {
        UUID orderId = RequestParams.uuid(id, "id");
        return storeOrder(orderId).chain(order -> {
            if (!caller.userId().equals(order.sellerUserId)) {
                throw ProblemException.forbidden("This order belongs to another seller");
            }
            return orders.ship(order, shipment.courier().strip(), shipment.trackingNumber().strip())
                    .map(done -> refusedUnless(done, order, "order-not-paid", "Only a paid order ships"));
        }).chain(StoreOrderResource::view);
    }

    private StoreOrders.Actor actor(CustomerOrder order) {
        UUID me = caller.userId();
        if (caller.is(Caller.SELLER) && me.equals(order.sellerUserId)) {
            return StoreOrders.Actor.SELLER;
        }
        if (caller.is(Caller.CUSTOMER) && me.equals(order.userId)) {
            return StoreOrders.Actor.CUSTOMER;
        }
        throw ProblemException.forbidden("This order belongs to another customer and another seller");
    }

    private static Uni<CustomerOrder> storeOrder(UUID orderId) {
        return CustomerOrder.<CustomerOrder>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order", orderId))
                .invoke(order -> {
                    if (!CustomerOrder.SELLER_STORE.equals(order.orderSource)) {
                        throw ProblemException.conflict("not-a-store-order", "Order " + orderId
                                + " is a group-buying order: it follows its session", null, null);
                    }
                });
    }

    private static CustomerOrder refusedUnless(Optional<CustomerOrder> done, CustomerOrder order, String type,
            String detail) {
        return done.orElseThrow(() -> ProblemException.conflict(type, detail + "; order " + order.orderNumber + " is "
                + order.status, null, Map.of("status", order.status)));
    }

    private static Uni<OrderView> view(CustomerOrder order) {
        return OrderResource.withItems(List.of(order)).map(List::getFirst);
    }

    private static <T> Uni<T> refusedAsProblem(Uni<T> work) {
        return work.onFailure(CheckoutRefused.class).transform(failure -> {
            CheckoutRefused refused = (CheckoutRefused) failure;
            String field = "items[" + refused.line() + "].variantId";
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("variantId", refused.variantId());
            if (refused.sellerId() != null) {
                facts.put("sellerId", refused.sellerId());
            }
            return switch (refused.reason()) {
                case DUPLICATE_VARIANT -> new ProblemException(400, "invalid-input", "Invalid input", refused.getMessage(),
                        field, facts);
                case NOT_ON_SALE -> ProblemException.conflict("variant-not-on-sale", refused.getMessage(), field, facts);
                case SELLER_NOT_ACTIVE -> ProblemException.conflict("seller-not-active", refused.getMessage(), field, facts);
            };
        });
    }
}

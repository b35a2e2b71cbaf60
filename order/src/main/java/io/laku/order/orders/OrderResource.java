package io.laku.order.orders;

import io.laku.order.ordering.OrderStatus;
import io.laku.order.store.StoreOrderStatus;
import io.laku.platform.web.Caller;
import io.laku.platform.web.Paging;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "One order per real participant of a confirmed session whose stock is reserved, "
        + "and the seller stores' orders")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.SELLER, Caller.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrderResource {

    public static final int MAX_PAGE_SIZE = Paging.DEFAULT_MAX_SIZE;

    @Inject
    Caller caller;

    @GET
    @WithSession
    @Operation(summary = "Orders the caller may see, newest first, paged",
            description = "A customer sees the orders they placed, a factory the orders of its sessions, a seller its "
                    + "store's orders, an admin all. "
                    + "Filters narrow that; a customer may not filter by another user.")
    @APIResponse(responseCode = "200", description = "A page of orders with the total count")
    @APIResponse(responseCode = "400", description = "A bad page, size, status or id; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A customer asked for another user's orders",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView.OrderPage> list(
            @Parameter(description = "Only this customer's orders", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("userId") String userId,
            @Parameter(description = "Only this session's orders", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("sessionId") String sessionId,
            @Parameter(description = "created or ready_to_ship (group buying); pending_stock_check, pending_payment, paid, "
                    + "shipped, rejected or cancelled (seller store)")
            @QueryParam("status") String status,
            @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "1 to " + MAX_PAGE_SIZE) @QueryParam("size") @DefaultValue("20") int size) {
        Paging.require(page, size, MAX_PAGE_SIZE);
        OrderViewer viewer = viewer();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!viewer.admin()) {
            List<String> own = new ArrayList<>();
            if (viewer.customer()) {
                own.add("userId = :me");
            }
            if (viewer.factory()) {
                own.add("factoryId = :me");
            }
            if (viewer.seller()) {
                own.add("sellerUserId = :me");
            }
            where.append(" and (").append(own.isEmpty() ? "1 = 0" : String.join(" or ", own)).append(")");
            params.put("me", viewer.userId());
        }
        UUID user = RequestParams.optionalUuid(userId, "userId");
        if (user != null) {
            if (!viewer.mayFilterByUser(user)) {
                throw ProblemException.forbidden("A customer sees only their own orders");
            }
            where.append(" and userId = :userId");
            params.put("userId", user);
        }
        UUID session = RequestParams.optionalUuid(sessionId, "sessionId");
        if (session != null) {
            where.append(" and sessionId = :sessionId");
            params.put("sessionId", session);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.put("status", status(status));
        }
        var query = CustomerOrder.<CustomerOrder>find(where + " order by createdAt desc, orderNumber", params)
                .page(Page.of(page, size));
        // one reactive session runs one query at a time: chain, don't combine
        return query.list().chain(orders -> CustomerOrder.count(where.toString(), params)
                .chain(total -> withItems(orders).map(views -> new OrderView.OrderPage(views, page, size, total))));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One order: for the customer who placed it, the session's factory, or an admin")
    @APIResponse(responseCode = "200", description = "The order with its product snapshot")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Someone else's order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrderView> get(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        UUID orderId = RequestParams.uuid(id, "id");
        OrderViewer viewer = viewer();
        return CustomerOrder.<CustomerOrder>findById(orderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Order", orderId))
                .invoke(order -> {
                    if (!viewer.maySee(order.userId, order.factoryId, order.sellerUserId)) {
                        throw ProblemException.forbidden("This order belongs to another customer and another factory");
                    }
                })
                .chain(order -> withItems(List.of(order))).map(List::getFirst);
    }

    private OrderViewer viewer() {
        return new OrderViewer(caller.userId(), caller.isAdmin(), caller.is(Caller.CUSTOMER), caller.is(Caller.FACTORY),
                caller.is(Caller.SELLER));
    }

    public static Uni<List<OrderView>> withItems(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = orders.stream().map(order -> order.id).toList();
        return OrderItem.<OrderItem>list("orderId in ?1 order by line", ids).map(items -> {
            Map<UUID, List<OrderItem>> byOrder = items.stream().collect(Collectors.groupingBy(item -> item.orderId));
            return orders.stream().map(order -> OrderView.of(order, byOrder.getOrDefault(order.id, List.of()))).toList();
        });
    }


    private static String status(String code) {
        try {
            return OrderStatus.ofCode(code).code();
        } catch (IllegalArgumentException e) {
            try {
                return StoreOrderStatus.ofCode(code).code();
            } catch (IllegalArgumentException alsoNot) {
                throw ProblemException.invalid("status", "status must be one of created, ready_to_ship, "
                        + "pending_stock_check, pending_payment, paid, shipped, rejected, cancelled; was '" + code + "'");
            }
        }
    }
}

package io.laku.notifications.inapp;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Paging;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.SELLER, Caller.WAREHOUSE, Caller.ADMIN})
public class NotificationResource {

    public static final int MAX_PAGE_SIZE = Paging.DEFAULT_MAX_SIZE;

    @Inject
    Caller caller;

    public record NotificationView(UUID id, String kind, String title, String message, UUID sessionId, Instant createdAt,
            Instant readAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.kind, n.title, n.message, n.sessionId, n.createdAt, n.readAt);
        }
    }

    public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unreadCount) {
    }

    @GET
    @WithSession
    @Operation(summary = "The caller's notifications, newest first, with the unread count")
    public Uni<NotificationPage> mine(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Paging.require(page, size, MAX_PAGE_SIZE);
        UUID me = caller.userId();
        var query = Notification.<Notification>find("userId", Sort.descending("createdAt").and("id"), me)
                .page(Page.of(page, size));
        // one reactive session runs one query at a time: chain, don't combine
        return query.list().chain(items -> query.count().chain(total ->
                Notification.count("userId = ?1 and readAt is null", me).map(unread -> new NotificationPage(
                        items.stream().map(NotificationView::of).toList(), page, size, total, unread))));
    }

    @POST
    @Path("/{id}/read")
    @WithTransaction
    @Operation(summary = "Mark one of the caller's notifications read (403 for another user's, 404 unknown)")
    public Uni<NotificationView> markRead(UUID id) {
        UUID me = caller.userId();
        return Notification.<Notification>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Notification", id))
                .invoke(notice -> {
                    if (!notice.userId.equals(me)) {
                        throw ProblemException.forbidden("Notification " + id + " belongs to another user");
                    }
                    if (notice.readAt == null) {
                        // the database keeps microseconds: answer what a later read returns
                        notice.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    }
                })
                .map(NotificationView::of);
    }
}

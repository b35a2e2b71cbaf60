package io.laku.notifications.whatsapp;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Paging;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outgoing WhatsApp messages for admins: what was sent, what waits, what failed and why; requeue a failed one. */
@Path("/api/notifications/whatsapp/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "WhatsApp")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
public class WhatsAppMessageResource {

    private static final Set<String> STATUSES = Set.of(WhatsAppMessage.PENDING, WhatsAppMessage.WAITING_FOR_CONTACT,
            WhatsAppMessage.SENT, WhatsAppMessage.FAILED);

    public record MessageView(UUID id, UUID userId, String toPhone, String kind, String body, UUID sourceEventId,
            String status, int attempts, String lastError, Instant nextAttemptAt, String providerMessageId,
            Instant createdAt, Instant sentAt) {
        static MessageView of(WhatsAppMessage m) {
            return new MessageView(m.id, m.userId, m.toPhone, m.kind, m.body, m.sourceEventId, m.status, m.attempts,
                    m.lastError, m.nextAttemptAt, m.providerMessageId, m.createdAt, m.sentAt);
        }
    }

    public record MessagePage(List<MessageView> items, int page, int size, long total) {
    }

    @GET
    @WithSession
    @Operation(summary = "Outgoing WhatsApp messages, newest first; status = pending | waiting_for_contact | sent | failed")
    public Uni<MessagePage> list(@QueryParam("status") String status, @QueryParam("userId") UUID userId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        Paging.require(page, size, Paging.DEFAULT_MAX_SIZE);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "status must be one of pending, waiting_for_contact, sent, failed");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (userId != null) {
            where.append(" and userId = :userId");
            params.put("userId", userId);
        }
        var query = WhatsAppMessage.<WhatsAppMessage>find(where.toString(), Sort.descending("createdAt").and("id"), params)
                .page(Page.of(page, size));
        // one reactive session runs one query at a time: chain, don't combine
        return query.list().chain(items -> query.count().map(total -> new MessagePage(
                items.stream().map(MessageView::of).toList(), page, size, total)));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One outgoing WhatsApp message")
    public Uni<MessageView> get(@PathParam("id") UUID id) {
        return WhatsAppMessage.<WhatsAppMessage>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("WhatsApp message", id))
                .map(MessageView::of);
    }

    @POST
    @Path("/{id}/retry")
    @WithTransaction
    @Operation(summary = "Requeue a failed message with fresh attempts, to the person's current number (409 unless failed)")
    public Uni<MessageView> retry(@PathParam("id") UUID id) {
        return WhatsAppMessage.<WhatsAppMessage>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("WhatsApp message", id))
                .chain(message -> {
                    if (!WhatsAppMessage.FAILED.equals(message.status)) {
                        throw ProblemException.conflict("whatsapp-message-not-failed", "WhatsApp message " + id + " is "
                                + message.status + "; only a failed message can be retried", "status",
                                // not "status": extensions sit beside the problem's own members
                                Map.of("messageStatus", message.status));
                    }
                    return WhatsAppContact.<WhatsAppContact>findById(message.userId).map(contact -> {
                        message.toPhone = contact == null ? message.toPhone : contact.phone;
                        message.status = message.toPhone == null ? WhatsAppMessage.WAITING_FOR_CONTACT
                                : WhatsAppMessage.PENDING;
                        message.attempts = 0;
                        message.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        return MessageView.of(message);
                    });
                });
    }
}

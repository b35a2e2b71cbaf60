package io.laku.payment.callbacks;

import io.laku.contracts.payment.RefundReason;
import io.laku.payment.escrow.Escrow;
import io.laku.platform.web.Caller;
import io.laku.platform.web.RequestParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Gateway callbacks that paid an amount different from the invoice's (SPEC §5): each was refunded in full to the
 * customer's wallet and left the seat as it was. For the admin who answers the customer or the gateway.
 */
@Path("/api/payments/amount-mismatches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gateway callbacks")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
public class AmountMismatchResource {

    private static final String PAGE = """
            select w.id, w.received_at, w.invoice_id, w.payment_id, p.session_id, p.participant_id, p.user_id,
                   p.amount, w.paid_amount, w.amount, p.status, count(*) over ()
            from webhook_event w join payment p on p.id = w.payment_id
            where w.flagged and (cast(?1 as uuid) is null or p.session_id = cast(?1 as uuid))
            order by w.received_at desc, w.id
            limit ?2 offset ?3""";

    /**
     * One such callback: what the invoice asked, what was paid, and the refund that gave it back ({@code refundId}: the
     * wallet's reference; {@code refunded} 0 when the callback carried no money).
     */
    public record AmountMismatch(UUID callbackId, Instant receivedAt, String invoiceId, UUID paymentId, UUID sessionId,
            UUID participantId, UUID userId, long invoiceAmount, long paidAmount, long refunded, UUID refundId,
            String paymentStatus) {
    }

    public record AmountMismatches(List<AmountMismatch> items, int page, int size, long total) {
    }

    @GET
    @WithSession
    @Operation(summary = "Callbacks that paid a different amount than the invoice, newest first; each refunded in full "
            + "(admin; optional sessionId)")
    public Uni<AmountMismatches> list(@QueryParam("sessionId") String sessionId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        UUID session = RequestParams.optionalUuid(sessionId, "sessionId");
        RequestParams.PageRequest paging = RequestParams.page(page, size);
        return Panache.getSession().chain(s -> s.createNativeQuery(PAGE, Object[].class)
                        .setParameter(1, session == null ? null : session.toString())
                        .setParameter(2, paging.size())
                        .setParameter(3, paging.page() * paging.size())
                        .getResultList())
                .map(rows -> new AmountMismatches(rows.stream().map(AmountMismatchResource::of).toList(), paging.page(),
                        paging.size(), rows.isEmpty() ? 0 : ((Number) rows.getFirst()[11]).longValue()));
    }

    private static AmountMismatch of(Object[] r) {
        UUID paymentId = (UUID) r[3];
        long invoiceAmount = ((Number) r[7]).longValue();
        Long paid = r[8] != null ? Long.valueOf(((Number) r[8]).longValue())
                : r[9] != null ? Long.valueOf(((Number) r[9]).longValue()) : null;
        long paidAmount = paid == null ? 0 : paid;
        UUID refundId = paidAmount > 0 ? Escrow.captureRefundId(paymentId, RefundReason.AMOUNT_MISMATCH, paidAmount)
                : null;
        return new AmountMismatch((UUID) r[0], instant(r[1]), (String) r[2], paymentId, (UUID) r[4], (UUID) r[5],
                (UUID) r[6], invoiceAmount, paidAmount, paidAmount > 0 ? paidAmount : 0, refundId, (String) r[10]);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
            default -> null;
        };
    }
}

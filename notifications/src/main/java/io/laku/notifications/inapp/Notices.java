package io.laku.notifications.inapp;

import io.laku.contracts.session.SessionCreated;
import io.laku.platform.eventing.InboundEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Writes the notices each event deserves. Runs inside the consumer's transaction. */
@ApplicationScoped
public class Notices {

    public Uni<Void> sessionOpened(InboundEvent event, SessionCreated created) {
        String code = created.getSessionCode() == null ? created.getSessionId() : created.getSessionCode();
        return notify(event, UUID.fromString(created.getFactoryId()), UUID.fromString(created.getSessionId()),
                NotificationKind.SESSION_OPENED, "Your group-buying session is open",
                "Session " + code + " is open until " + created.getEndTime() + ": MOQ " + created.getTargetMoq()
                        + " units at Rp " + rupiah(created.getGroupPrice()) + " per unit.");
    }

    private Uni<Void> notify(InboundEvent event, UUID userId, UUID sessionId, String kind, String title, String message) {
        Notification notice = new Notification();
        notice.id = UUID.randomUUID();
        notice.userId = userId;
        notice.kind = kind;
        notice.title = title;
        notice.message = message;
        notice.sessionId = sessionId;
        notice.sourceEventId = event.id();
        notice.createdAt = Instant.now();
        return notice.persist().replaceWithVoid();
    }

    private static String rupiah(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}

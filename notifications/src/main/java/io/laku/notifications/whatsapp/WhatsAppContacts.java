package io.laku.notifications.whatsapp;

import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** People's WhatsApp numbers. Setting one releases the messages that were waiting for it. */
@ApplicationScoped
public class WhatsAppContacts {

    private static final Logger LOG = Logger.getLogger(WhatsAppContacts.class);

    private static final String UPSERT = """
            insert into whatsapp_contact (user_id, phone, updated_at) values (?1, ?2, ?3)
            on conflict (user_id) do update set phone = excluded.phone, updated_at = excluded.updated_at""";

    // unsent messages go to the new number; waiting ones become due now
    private static final String READDRESS = """
            update whatsapp_message
            set to_phone = ?1,
                next_attempt_at = case when status = 'waiting_for_contact' then ?2 else next_attempt_at end,
                status = 'pending'
            where user_id = ?3 and status in ('waiting_for_contact', 'pending')""";

    public record ContactView(UUID userId, String phone, Instant updatedAt) {
        static ContactView of(WhatsAppContact contact) {
            return new ContactView(contact.userId, contact.phone, contact.updatedAt);
        }
    }

    /** 400 naming the field unless the input is an E.164 number. */
    public static PhoneNumber requirePhone(String input) {
        return PhoneNumber.parse(input).orElseThrow(() -> ProblemException.invalid("phone",
                "phone must be an international number: + then 8 to 15 digits, e.g. +6281234567890"));
    }

    /** Must run inside a transaction. */
    public Uni<ContactView> set(UUID userId, PhoneNumber phone) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter(1, userId).setParameter(2, phone.e164()).setParameter(3, now)
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(READDRESS)
                                .setParameter(1, phone.e164()).setParameter(2, now).setParameter(3, userId)
                                .executeUpdate()))
                .invoke(readdressed -> LOG.infof("WhatsApp number of %s set; %d unsent message(s) addressed to it",
                        userId, readdressed))
                .replaceWith(new ContactView(userId, phone.e164(), now));
    }

    public Uni<ContactView> of(UUID userId) {
        return WhatsAppContact.<WhatsAppContact>findById(userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("WhatsApp contact of user", userId))
                .map(ContactView::of);
    }
}

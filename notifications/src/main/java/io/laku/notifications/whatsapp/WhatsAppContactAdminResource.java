package io.laku.notifications.whatsapp;

import io.laku.platform.web.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anyone's WhatsApp number, for admins (e.g. onboarding a factory). */
@Path("/api/notifications/whatsapp-contacts/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "WhatsApp")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
public class WhatsAppContactAdminResource {

    @Inject
    WhatsAppContacts contacts;

    @GET
    @WithSession
    @Operation(summary = "A user's WhatsApp number (admin; 404 when none is set)")
    public Uni<WhatsAppContacts.ContactView> get(@PathParam("userId") UUID userId) {
        return contacts.of(userId);
    }

    @PUT
    @WithTransaction
    @Operation(summary = "Set a user's WhatsApp number (admin); messages waiting for it are sent")
    public Uni<WhatsAppContacts.ContactView> set(@PathParam("userId") UUID userId,
            WhatsAppContactResource.SetPhone request) {
        return contacts.set(userId, WhatsAppContacts.requirePhone(WhatsAppContactResource.phoneOf(request)));
    }
}

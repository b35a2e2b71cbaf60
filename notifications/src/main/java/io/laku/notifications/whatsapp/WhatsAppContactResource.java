package io.laku.notifications.whatsapp;

import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own WhatsApp number (a factory receives its purchase orders on it). */
@Path("/api/notifications/whatsapp-contact")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "WhatsApp")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
public class WhatsAppContactResource {

    public record SetPhone(String phone) {
    }

    @Inject
    Caller caller;

    @Inject
    WhatsAppContacts contacts;

    @GET
    @WithSession
    @Operation(summary = "The caller's WhatsApp number (404 when none is set)")
    public Uni<WhatsAppContacts.ContactView> mine() {
        return contacts.of(caller.userId());
    }

    @PUT
    @WithTransaction
    @Operation(summary = "Set the caller's WhatsApp number (E.164, e.g. +6281234567890); messages waiting for it are sent")
    public Uni<WhatsAppContacts.ContactView> setMine(SetPhone request) {
        return contacts.set(caller.userId(), WhatsAppContacts.requirePhone(phoneOf(request)));
    }

    static String phoneOf(SetPhone request) {
        if (request == null || request.phone() == null) {
            throw ProblemException.invalid("phone", "phone is required");
        }
        return request.phone();
    }
}

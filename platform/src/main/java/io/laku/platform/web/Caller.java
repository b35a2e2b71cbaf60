package io.laku.platform.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject and roles (SPEC §7). */
@RequestScoped
public class Caller {

    public static final String CUSTOMER = "customer";
    public static final String FACTORY = "factory";
    /** Warehouse staff: receive deliveries against purchase orders and adjust stock (SPEC §7). */
    public static final String WAREHOUSE = "warehouse";
    /** A seller running a store (SPEC §8). */
    public static final String SELLER = "seller";
    public static final String ADMIN = "admin";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    public UUID userId() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "The token's subject is not a user id",
                    null, null);
        }
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Customers and factories act only on their own resources; admins on all. */
    public void requireSelfOrAdmin(UUID owner) {
        if (!isAdmin() && !userId().equals(owner)) {
            throw ProblemException.forbidden("This resource belongs to another user");
        }
    }
}

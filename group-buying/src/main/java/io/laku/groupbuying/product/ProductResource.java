package io.laku.groupbuying.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Products for sessions and their grosir config. A factory creates its own products (with their first bundle config)
 * and may rename them; only admins change the grosir config afterwards (SPEC §7). A change applies to sessions
 * opened after it: a session keeps the config it opened with.
 */
@Path("/api/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Products and grosir config")
@SecurityRequirement(name = "jwt")
public class ProductResource {

    @Inject
    ProductService products;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Create a product with its variants and bundle config ({name, factoryId, bundles: {variant: units}})")
    public Uni<Response> create(JsonNode body) {
        return products.create(body, caller).map(view -> Response.created(URI.create("/api/products/" + view.id()))
                .entity(view).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "A product with its variants, bundle config, tolerance and warnings")
    public Uni<ProductView> get(UUID id) {
        return products.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Change the name (owner or admin) and/or units per bundle (admin: {bundles: {variant: units}})")
    public Uni<ProductView> update(UUID id, JsonNode body) {
        return products.update(id, body, caller);
    }

    @GET
    @Path("/{id}/warehouse-tolerance")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "The warehouse tolerance per variant")
    public Uni<Map<String, Object>> tolerance(UUID id) {
        return products.get(id).map(ProductService::toleranceView);
    }

    @POST
    @Path("/{id}/warehouse-tolerance")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Set the warehouse tolerance ({variant: units} or {variant: {tolerance, clearanceRateEstimate, notes}})")
    public Uni<Map<String, Object>> setTolerance(UUID id, JsonNode body) {
        return products.setTolerance(id, body, caller).map(ProductService::toleranceView);
    }

    @PUT
    @Path("/{id}/warehouse-tolerance")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Set the warehouse tolerance (same as POST)")
    public Uni<Map<String, Object>> replaceTolerance(UUID id, JsonNode body) {
        return setTolerance(id, body);
    }
}

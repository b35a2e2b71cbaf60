package io.laku.seller.catalogue;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.seller.ListedVariant;
import io.laku.contracts.seller.SellerProductListed;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
import io.laku.seller.accounts.SellerAccess;
import io.laku.seller.stock.StockBook;
import io.laku.seller.stock.StockMovement;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** A seller's products (SPEC §8): the seller lists them with their variants, prices and opening stock. */
@Path("/api/sellers/{sellerId}/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller products")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProductResource {

    private static final Logger LOG = Logger.getLogger(ProductResource.class);

    @Inject
    Caller caller;

    @Inject
    SellerAccess access;

    @Inject
    StockBook book;

    @Inject
    OutboxWriter outbox;

    @POST
    @RolesAllowed(Caller.SELLER)
    @WithTransaction
    @Operation(summary = "List a product (the seller, own account): variants with price > 0 and opening stock >= 0")
    @APIResponse(responseCode = "201", description = "The product with its variant ids")
    @APIResponse(responseCode = "409", description = "The seller is suspended, or a sku is already the seller's")
    public Uni<Response> list(@PathParam("sellerId") String sellerId, @NotNull @Valid Listing listing) {
        UUID id = RequestParams.uuid(sellerId, "sellerId");
        List<Listing.VariantListing> variants = listing.variants();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            if (!skus.add(variants.get(i).sku().strip())) {
                throw ProblemException.invalid("variants[" + i + "].sku", "sku " + variants.get(i).sku()
                        + " is listed twice");
            }
        }
        return access.own(id, true).chain(seller -> {
            if (!seller.state().mayList()) {
                throw ProblemException.conflict("seller-suspended", "A suspended seller lists no products", null,
                        Map.of("status", seller.status));
            }
            return SellerVariant.<SellerVariant>list("sellerId = ?1 and sku in ?2", id, List.copyOf(skus)).chain(taken -> {
                if (!taken.isEmpty()) {
                    throw ProblemException.conflict("sku-taken", "sku " + taken.getFirst().sku
                            + " is already on another of this seller's variants", "sku", Map.of("sku", taken.getFirst().sku));
                }
                return create(seller.id, listing);
            });
        });
    }

    private Uni<Response> create(UUID sellerId, Listing listing) {
        Instant now = Instant.now();
        SellerProduct product = new SellerProduct();
        product.id = UUID.randomUUID();
        product.sellerId = sellerId;
        product.name = listing.name().strip();
        product.description = listing.description() == null || listing.description().isBlank() ? null
                : listing.description().strip();
        product.sourceProductId = listing.sourceProductId();
        product.createdAt = now;
        List<SellerVariant> variants = new ArrayList<>();
        Map<UUID, Long> opening = new java.util.HashMap<>();
        for (Listing.VariantListing v : listing.variants()) {
            SellerVariant variant = new SellerVariant();
            variant.id = UUID.randomUUID();
            variant.productId = product.id;
            variant.sellerId = sellerId;
            variant.name = v.name().strip();
            variant.sku = v.sku().strip();
            variant.price = v.price();
            variant.position = variants.size();
            variant.updatedAt = now;
            variants.add(variant);
            opening.put(variant.id, v.stock());
        }
        StockBook.Cause cause = new StockBook.Cause("opening stock", null, caller.userId().toString(), null);
        return product.<SellerProduct>persist()
                .chain(() -> inOrder(variants, variant -> variant.persist()))
                .chain(() -> inOrder(variants.stream().filter(v -> opening.get(v.id) > 0).toList(),
                        variant -> book.move(variant, StockMovement.ADJUSTMENT, stock -> stock.adjust(opening.get(variant.id)),
                                cause)))
                .chain(() -> outbox.publish(sellerId, SellerProductListed.newBuilder()
                        .setSellerId(sellerId.toString())
                        .setProductId(product.id.toString())
                        .setName(product.name)
                        .setSourceProductId(product.sourceProductId == null ? null : product.sourceProductId.toString())
                        .setVariants(variants.stream().map(v -> ListedVariant.newBuilder().setVariantId(v.id.toString())
                                .setName(v.name).setSku(v.sku).setPrice(v.price).build()).toList())
                        .setListedAt(now)
                        .build()))
                .invoke(() -> LOG.infof("Seller %s listed product %s (%s) with %d variants", sellerId, product.id,
                        product.name, variants.size()))
                .map(ignored -> Response.created(URI.create("/api/seller-products/" + product.id))
                        .entity(ProductView.of(product, variants)).build());
    }

    @GET
    @RolesAllowed({Caller.SELLER, Caller.ADMIN})
    @WithSession
    @Operation(summary = "The seller's products with stock, reserved and available per variant (the seller, or an admin)")
    public Uni<ProductView.ProductPage> products(@PathParam("sellerId") String sellerId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        UUID id = RequestParams.uuid(sellerId, "sellerId");
        PageRequest paging = RequestParams.page(page, size);
        return access.ownOrAdmin(id).chain(seller -> {
            var query = SellerProduct.<SellerProduct>find("sellerId", Sort.by("createdAt").and("id"), id).page(paging.panache());
            return query.list().chain(products -> query.count().chain(total -> variantsOf(products)
                    .map(byProduct -> new ProductView.ProductPage(products.stream()
                            .map(p -> ProductView.of(p, byProduct.getOrDefault(p.id, List.of()))).toList(),
                            paging.page(), paging.size(), total))));
        });
    }

    static Uni<Map<UUID, List<SellerVariant>>> variantsOf(List<SellerProduct> products) {
        if (products.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return SellerVariant.<SellerVariant>list("productId in ?1 order by position",
                        products.stream().map(p -> p.id).toList())
                .map(variants -> variants.stream().collect(Collectors.groupingBy(v -> v.productId)));
    }
}

package io.laku.seller.catalogue;

import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.seller.accounts.Seller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A seller's product as the shop window shows it (SPEC §8): no token needed. */
@Path("/api/seller-products/{productId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Seller products")
@PermitAll
public class PublicProductResource {

    @GET
    @WithSession
    @Operation(summary = "A product: each variant's price and available units (stock - reserved); onSale is false "
            + "unless the seller is active")
    public Uni<ProductView.PublicProduct> get(@PathParam("productId") String productId) {
        UUID id = RequestParams.uuid(productId, "productId");
        return SellerProduct.<SellerProduct>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id))
                .chain(product -> Seller.<Seller>findById(product.sellerId).chain(seller -> SellerVariant
                        .<SellerVariant>list("productId = ?1 order by position", id)
                        .map(variants -> new ProductView.PublicProduct(product.id, product.sellerId, seller.storeName,
                                seller.state().sells(), product.name, product.description, product.sourceProductId,
                                variants.stream().map(v -> new ProductView.PublicVariant(v.id, v.name, v.sku, v.price,
                                        v.stock - v.reserved)).toList()))));
    }

}

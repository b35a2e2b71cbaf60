package io.laku.order.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SPEC §8's checkout: a basket of variants from any number of seller stores becomes one order per seller, each line at
 * the seller's price. Only an active seller's products can be bought; a variant appears once in a basket. Plain Java:
 * the catalogue it reads is what order knows of the stores.
 */
public final class CheckoutSplit {

    /** What the customer asks for: units of one variant. */
    public record Line(UUID variantId, long quantity) {
    }

    /** A variant on sale, as the seller listed it. */
    public record Offer(UUID variantId, UUID productId, String productName, String variantName, UUID sellerId,
            long price) {
    }

    /** A seller as order knows it: its account's user, and whether it sells now. */
    public record Store(UUID sellerId, UUID userId, boolean sells) {
    }

    public record OrderLine(Offer offer, long quantity, long total) {
    }

    /** One seller's order of the checkout, lines in basket order. */
    public record SellerOrder(Store store, List<OrderLine> lines, long total) {
    }

    private CheckoutSplit() {
    }

    /** @throws CheckoutRefused naming the line, when any line cannot be bought: nothing is ordered then */
    public static List<SellerOrder> split(List<Line> basket, Map<UUID, Offer> offers, Map<UUID, Store> stores) {
        Set<UUID> seen = new HashSet<>();
        Map<UUID, List<OrderLine>> bySeller = new LinkedHashMap<>();
        for (int i = 0; i < basket.size(); i++) {
            Line line = basket.get(i);
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException("line " + i + " orders " + line.quantity() + " units");
            }
            if (!seen.add(line.variantId())) {
                throw new CheckoutRefused(CheckoutRefused.Reason.DUPLICATE_VARIANT, i, line.variantId(), null);
            }
            Offer offer = offers.get(line.variantId());
            if (offer == null) {
                throw new CheckoutRefused(CheckoutRefused.Reason.NOT_ON_SALE, i, line.variantId(), null);
            }
            Store store = stores.get(offer.sellerId());
            if (store == null || !store.sells()) {
                throw new CheckoutRefused(CheckoutRefused.Reason.SELLER_NOT_ACTIVE, i, line.variantId(), offer.sellerId());
            }
            bySeller.computeIfAbsent(offer.sellerId(), s -> new ArrayList<>())
                    .add(new OrderLine(offer, line.quantity(), Math.multiplyExact(offer.price(), line.quantity())));
        }
        List<SellerOrder> orders = new ArrayList<>();
        bySeller.forEach((sellerId, lines) -> orders.add(new SellerOrder(stores.get(sellerId), List.copyOf(lines),
                lines.stream().mapToLong(OrderLine::total).reduce(0, Math::addExact))));
        return orders;
    }
}

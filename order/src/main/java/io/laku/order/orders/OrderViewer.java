package io.laku.order.orders;

import java.util.UUID;

/**
 * Who is looking at orders, and what they may see (SPEC §7, §8): an admin every order, a customer the orders they
 * placed, a factory the orders of its own sessions, a seller the orders of its store. A person with several roles sees
 * the union.
 */
public record OrderViewer(UUID userId, boolean admin, boolean customer, boolean factory, boolean seller) {

    public OrderViewer(UUID userId, boolean admin, boolean customer, boolean factory) {
        this(userId, admin, customer, factory, false);
    }

    public boolean maySee(UUID orderUserId, UUID orderFactoryId) {
        return maySee(orderUserId, orderFactoryId, null);
    }

    /** @param orderSellerUserId the user of the store's seller account (null for a group-buying order) */
    public boolean maySee(UUID orderUserId, UUID orderFactoryId, UUID orderSellerUserId) {
        return admin || customer && userId.equals(orderUserId) || factory && userId.equals(orderFactoryId)
                || seller && userId.equals(orderSellerUserId);
    }

    /**
     * A customer asking for another customer's orders is refused rather than shown an empty page; a factory (or a
     * seller) may narrow its sessions' (its store's) orders to one customer.
     */
    public boolean mayFilterByUser(UUID requestedUserId) {
        return admin || factory || seller || customer && userId.equals(requestedUserId);
    }
}

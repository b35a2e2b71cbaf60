package io.laku.order.orders;

import java.util.UUID;

/**
 * Who is looking at orders, and what they may see (SPEC §7): an admin every order, a customer the orders they
 * placed, a factory the orders of its own sessions. A person with several roles sees the union.
 */
public record OrderViewer(UUID userId, boolean admin, boolean customer, boolean factory) {

    public boolean maySee(UUID orderUserId, UUID orderFactoryId) {
        return admin || customer && userId.equals(orderUserId) || factory && userId.equals(orderFactoryId);
    }

    /**
     * A customer asking for another customer's orders is refused rather than shown an empty page; a factory may
     * narrow its sessions' orders to one customer.
     */
    public boolean mayFilterByUser(UUID requestedUserId) {
        return admin || factory || customer && userId.equals(requestedUserId);
    }
}

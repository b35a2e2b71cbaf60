package io.laku.order.ordering;

import java.util.UUID;

/**
 * What the customer bought, frozen when the order is made: later renames or price changes do not touch it.
 * {@code total} is what the customer finally pays for the goods (final unit price x quantity); {@code refund} is the
 * part of the upfront payment that went back to the wallet.
 */
public record ProductSnapshot(UUID productId, String productName, UUID variantId, String variantName, long quantity,
        long paidUnitPrice, long finalUnitPrice, long refund, long total) {
}

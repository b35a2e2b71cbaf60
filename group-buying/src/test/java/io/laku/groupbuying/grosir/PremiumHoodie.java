package io.laku.groupbuying.grosir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SPEC §3 example product: bundle S2 M5 L4 XL1, tolerance S20 M50 L40 XL30. */
final class PremiumHoodie {

    static final UUID S = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID M = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID L = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID XL = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final List<UUID> SIZES = List.of(S, M, L, XL);

    static final BundleConfig CONFIG = BundleConfig.of(
            new VariantBundle(S, "S", 2, 20),
            new VariantBundle(M, "M", 5, 50),
            new VariantBundle(L, "L", 4, 40),
            new VariantBundle(XL, "XL", 1, 30));

    static Map<UUID, Long> orders(long s, long m, long l, long xl) {
        Map<UUID, Long> orders = new HashMap<>();
        orders.put(S, s);
        orders.put(M, m);
        orders.put(L, l);
        orders.put(XL, xl);
        return orders;
    }

    static UUID size(String name) {
        return switch (name) {
            case "S" -> S;
            case "M" -> M;
            case "L" -> L;
            case "XL" -> XL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private PremiumHoodie() {
    }
}

package io.laku.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for sessions, as in the seed document's Test 1. */
final class Sessions {

    private Sessions() {
    }

    static Map<String, Object> premiumHoodieSession(UUID productId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId.toString());
        body.put("targetMoq", 100);
        body.put("groupPrice", 200_000);
        body.put("priceTier25", 150_000);
        body.put("priceTier50", 135_000);
        body.put("priceTier75", 120_000);
        body.put("priceTier100", 105_000);
        body.put("endTime", Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        // The seed's customers order up to 50 units in one go, more than the default cap on a customer's unpaid units
        // (10 % of the MOQ): these sessions open with a cap of a whole MOQ. The default has its own test (AccessRulesIT).
        body.put("maxUnpaidUnitsPerCustomer", 100);
        return body;
    }
}

package io.laku.groupbuying.session;

import io.laku.groupbuying.expiry.InvalidPriceTiersException;
import io.laku.groupbuying.expiry.PriceTiers;
import io.laku.platform.web.ProblemException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The create-session request (the seed's body) and SPEC §4's rules for it. Every rule fails with its
 * own message naming the field, before anything is written.
 */
public record NewSession(UUID productId, UUID factoryId, String sessionCode, Integer targetMoq, Long groupPrice,
        Long priceTier25, Long priceTier50, Long priceTier75, Long priceTier100, Instant endTime, Boolean botAllowed,
        Integer maxUnpaidUnitsPerCustomer) {

    public static final int MIN_MOQ = 2;
    public static final int MAX_SESSION_CODE = 64;

    /** @return the validated prices */
    public PriceTiers validate(Instant now) {
        require(productId, "productId");
        require(targetMoq, "targetMoq");
        require(groupPrice, "groupPrice");
        require(priceTier25, "priceTier25");
        require(priceTier50, "priceTier50");
        require(priceTier75, "priceTier75");
        require(priceTier100, "priceTier100");
        require(endTime, "endTime");
        if (targetMoq < MIN_MOQ) {
            throw ProblemException.invalid("targetMoq", "targetMoq must be at least " + MIN_MOQ + ", was " + targetMoq);
        }
        if (!endTime.isAfter(now)) {
            throw ProblemException.invalid("endTime", "endTime must be in the future, was " + endTime);
        }
        if (sessionCode != null && (sessionCode.isBlank() || sessionCode.length() > MAX_SESSION_CODE)) {
            throw ProblemException.invalid("sessionCode", "sessionCode must be 1 to " + MAX_SESSION_CODE + " characters");
        }
        if (maxUnpaidUnitsPerCustomer != null && maxUnpaidUnitsPerCustomer < 1) {
            throw ProblemException.invalid("maxUnpaidUnitsPerCustomer", "maxUnpaidUnitsPerCustomer must be at least 1, was "
                    + maxUnpaidUnitsPerCustomer);
        }
        try {
            return new PriceTiers(groupPrice, priceTier25, priceTier50, priceTier75, priceTier100);
        } catch (InvalidPriceTiersException e) {
            var first = e.violations().getFirst();
            Map<String, Object> all = Map.of("violations", e.violations().stream()
                    .collect(Collectors.toMap(InvalidPriceTiersException.Violation::field,
                            InvalidPriceTiersException.Violation::message, (a, b) -> a + "; " + b)));
            throw new ProblemException(400, "invalid-input", "Invalid input", e.getMessage(), first.field(), all);
        }
    }

    public boolean botAllowedOrDefault() {
        return botAllowed == null || botAllowed;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, field + " is required");
        }
    }
}

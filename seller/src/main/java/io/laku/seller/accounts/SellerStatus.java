package io.laku.seller.accounts;

import java.util.Arrays;

/**
 * Where a seller account stands (SPEC §8): registered and waiting for an admin, verified and selling, or suspended
 * (no new sales; open orders finish). Codes are stable: they are stored and shown on REST.
 */
public enum SellerStatus {
    PENDING_VERIFICATION("pending_verification"),
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String code;

    SellerStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Only an active seller's products can be bought. */
    public boolean sells() {
        return this == ACTIVE;
    }

    /** A seller prepares its shop before verification; a suspended one adds nothing. */
    public boolean mayList() {
        return this != SUSPENDED;
    }

    /** An admin verifies a new account, or reinstates a suspended one; an active one is already verified. */
    public SellerStatus verify() {
        if (this == ACTIVE) {
            throw new IllegalStateException("the seller is already active");
        }
        return ACTIVE;
    }

    public SellerStatus suspend() {
        if (this == SUSPENDED) {
            throw new IllegalStateException("the seller is already suspended");
        }
        return SUSPENDED;
    }

    public static SellerStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown seller status " + code));
    }
}

package io.laku.settlement.ledger;

import java.util.UUID;

/** Who is paid out: a seller (for its shipped store orders) or a factory (for its released escrow). */
public enum PayeeKind {
    SELLER("seller"),
    FACTORY("factory");

    private final String code;

    PayeeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The ledger account of what the platform owes this payee. */
    public String payable(UUID payeeId) {
        return code + "_payable:" + payeeId;
    }

    public static PayeeKind ofCode(String code) {
        for (PayeeKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown payee kind " + code);
    }
}

package io.laku.settlement.ledger;

import java.util.UUID;

/**
 * One movement of settlement's double-entry ledger: it debits one account and credits another by the same positive
 * amount, and each kind moves money only between its own accounts and only for its own party. A movement that would
 * put money with the wrong party cannot be made; the database checks the same (see V1__settlement.sql).
 */
public record Movement(String reference, Kind kind, UUID payeeId, PayeeKind payeeKind, String debit, String credit,
        long amount) {

    /** Customers' money as payment passed it on: shipped orders' totals and released escrow. */
    public static final String CUSTOMER_PAYMENTS = "customer_payments";
    public static final String PLATFORM_FEES = "platform_fees";
    /** Money that left for the payees' bank accounts. */
    public static final String PAID_OUT = "paid_out";

    public enum Kind {
        SELLER_SALE("seller_sale"),
        PLATFORM_FEE("platform_fee"),
        FACTORY_RELEASE("factory_release"),
        PAYOUT("payout");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Movement {
        if (amount <= 0) {
            throw new IllegalArgumentException("a movement moves a positive amount: " + amount);
        }
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("a movement needs two different accounts: " + debit);
        }
        String payable = payeeKind.payable(payeeId);
        boolean rightParty = switch (kind) {
            case SELLER_SALE -> payeeKind == PayeeKind.SELLER && debit.equals(CUSTOMER_PAYMENTS) && credit.equals(payable);
            case PLATFORM_FEE -> payeeKind == PayeeKind.SELLER && debit.equals(CUSTOMER_PAYMENTS)
                    && credit.equals(PLATFORM_FEES);
            case FACTORY_RELEASE -> payeeKind == PayeeKind.FACTORY && debit.equals(CUSTOMER_PAYMENTS)
                    && credit.equals(payable);
            case PAYOUT -> debit.equals(payable) && credit.equals(PAID_OUT);
        };
        if (!rightParty) {
            throw new WrongPartyException(kind + " of " + amount + " from " + debit + " to " + credit + " is not "
                    + payeeKind.code() + " " + payeeId + "'s");
        }
    }

    /** A shipped order's total less the fee, to its seller. */
    public static Movement sale(UUID orderId, UUID sellerId, long net) {
        return new Movement("sale:" + orderId, Kind.SELLER_SALE, sellerId, PayeeKind.SELLER, CUSTOMER_PAYMENTS,
                PayeeKind.SELLER.payable(sellerId), net);
    }

    /** The platform's fee on a shipped order. */
    public static Movement fee(UUID orderId, UUID sellerId, long fee) {
        return new Movement("fee:" + orderId, Kind.PLATFORM_FEE, sellerId, PayeeKind.SELLER, CUSTOMER_PAYMENTS,
                PLATFORM_FEES, fee);
    }

    /** A session's escrow released to its factory. */
    public static Movement release(UUID sessionId, UUID factoryId, long amount) {
        return new Movement("release:" + sessionId, Kind.FACTORY_RELEASE, factoryId, PayeeKind.FACTORY,
                CUSTOMER_PAYMENTS, PayeeKind.FACTORY.payable(factoryId), amount);
    }

    /** A completed payout: the payee's balance goes down by what reached its bank account. */
    public static Movement payout(UUID payoutId, UUID payeeId, PayeeKind kind, long amount) {
        return new Movement("payout:" + payoutId, Kind.PAYOUT, payeeId, kind, kind.payable(payeeId), PAID_OUT, amount);
    }
}

package io.laku.payment.ledger;

import java.util.UUID;

/** The ledger's account codes. */
public final class Accounts {

    /** Money the gateway collected for us (an asset until settled). */
    public static final String GATEWAY_CLEARING = "gateway_clearing";
    /** What the platform owes customers in their wallets. */
    public static final String WALLET_LIABILITY = "wallet_liability";

    private Accounts() {
    }

    /** Money held for one session until it is refunded or released. */
    public static String escrow(UUID sessionId) {
        return "escrow:" + sessionId;
    }

    /** What the platform owes a factory. */
    public static String factoryPayable(UUID factoryId) {
        return "factory_payable:" + factoryId;
    }

    /** Money paid for one seller-store order, held until the order ships or is cancelled. */
    public static String order(UUID orderId) {
        return "order:" + orderId;
    }

    /** What the platform owes a seller for its shipped orders (settlement then takes its fee and pays it out). */
    public static String sellerPayable(UUID sellerId) {
        return "seller_payable:" + sellerId;
    }

    static String kindOf(String code) {
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }
}

package io.laku.notifications.inapp;

/** What a notice is about; stable codes the frontends switch on. Never rename one. */
public final class NotificationKind {

    public static final String SESSION_OPENED = "session_opened";
    public static final String JOINED_PAYMENT_LINK = "joined_payment_link";
    public static final String PAYMENT_RECEIVED = "payment_received";
    public static final String SESSION_CONFIRMED = "session_confirmed";
    public static final String SESSION_CONFIRMED_FACTORY = "session_confirmed_factory";
    public static final String REFUND_CREDITED = "refund_credited";
    public static final String SESSION_FAILED = "session_failed";
    public static final String SESSION_FAILED_FACTORY = "session_failed_factory";
    public static final String SESSION_CANCELLED = "session_cancelled";
    public static final String SESSION_CANCELLED_FACTORY = "session_cancelled_factory";
    public static final String PURCHASE_ORDER = "purchase_order";
    public static final String PURCHASE_ORDER_RECEIVED = "purchase_order_received";
    public static final String ORDER_CREATED = "order_created";
    public static final String PRODUCTION_COMPLETE = "production_complete";
    public static final String ESCROW_RELEASED = "escrow_released";
    public static final String SEAT_DROPPED = "seat_dropped";
    public static final String INVOICE_FAILED = "invoice_failed";
    public static final String PAYOUT_COMPLETED = "payout_completed";
    public static final String PAYOUT_FAILED = "payout_failed";

    private NotificationKind() {
    }
}

package io.laku.notifications.inapp;

import io.laku.platform.money.Rupiah;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Laku says to people, in plain English for the Indonesian market: amounts as {@code Rp 1.500.000}
 * (id-ID grouping), times in Jakarta time (WIB). Plain Java so every text is unit-tested exactly.
 */
public final class Wording {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'", Locale.ENGLISH)
            .withZone(JAKARTA);
    private static final String REFUND_PREFIX = "refund:";

    /** Units of one variant (a demand line or a purchase order line). */
    public record VariantUnits(String variant, long units) {
    }

    /** One order of a customer. */
    public record OrderLine(String orderNumber, long quantity, long finalUnitPrice) {
    }

    private Wording() {
    }

    public static Notice sessionOpened(String session, Instant endTime, int targetMoq, long groupPrice) {
        return new Notice(NotificationKind.SESSION_OPENED, "Your group-buying session is open",
                "Session " + session + " is open until " + time(endTime) + ": MOQ " + number(targetMoq) + " units at "
                        + rupiah(groupPrice) + " per unit.");
    }

    public static Notice paymentLink(long amount, String invoiceUrl, Instant expiresAt) {
        return new Notice(NotificationKind.JOINED_PAYMENT_LINK, "Pay to keep your seat",
                "You joined a group buy. Pay " + rupiah(amount) + " before " + time(expiresAt) + " to keep your seat: "
                        + invoiceUrl);
    }

    /** The payment link could not be made (the gateway refused it or did not answer): the seat is released. */
    public static Notice invoiceFailed() {
        return new Notice(NotificationKind.INVOICE_FAILED, "We could not open your payment",
                "We could not create the payment link for your seat, so the seat was released and nothing was charged. "
                        + "You can join the session again while it is open.");
    }

    public static Notice paymentReceived(long amount) {
        return new Notice(NotificationKind.PAYMENT_RECEIVED, "Payment received",
                "We received your payment of " + rupiah(amount) + ". It is held safely in escrow until the session ends.");
    }

    public static Notice sessionConfirmed(int tier, long paidUnitPrice, long finalUnitPrice, long quantity, long refundDue) {
        String refund = refundDue > 0
                ? rupiah(refundDue) + " will be refunded to your Laku wallet."
                : "No refund is due.";
        return new Notice(NotificationKind.SESSION_CONFIRMED, "Your group buy is confirmed",
                "The session closed at tier " + tier + "%: the final price is " + rupiah(finalUnitPrice) + " per unit for your "
                        + units(quantity) + " (you paid " + rupiah(paidUnitPrice) + " per unit). " + refund);
    }

    public static Notice sessionConfirmedForFactory(int tier, long finalUnitPrice, long paidUnits, long botUnits,
            List<VariantUnits> demand) {
        String bot = botUnits > 0
                ? " The platform added " + units(botUnits) + " to reach tier " + tier + "%; they are not ordered."
                : "";
        return new Notice(NotificationKind.SESSION_CONFIRMED_FACTORY, "Your session is confirmed",
                "The session closed at tier " + tier + "% with " + number(paidUnits) + " paid units at "
                        + rupiah(finalUnitPrice) + " per unit. Demand: " + variants(demand) + "." + bot);
    }

    /** Whether a wallet credit is a refund (wallet's reason {@code refund:<RefundReason>}). */
    public static boolean isRefund(String walletReason) {
        return walletReason != null && walletReason.startsWith(REFUND_PREFIX);
    }

    /** SPEC §8: a payee's balance reached its bank account. */
    public static Notice payoutCompleted(long amount) {
        return new Notice(NotificationKind.PAYOUT_COMPLETED, "Payout sent",
                rupiah(amount) + " was paid out to your bank account.");
    }

    /** The bank refused the payout: nothing left the balance, the next payout run tries again. */
    public static Notice payoutFailed(long amount, String failureCode) {
        return new Notice(NotificationKind.PAYOUT_FAILED, "Payout failed",
                "Your payout of " + rupiah(amount) + " could not be made (" + failureCode + "). Your balance is "
                        + "unchanged and the next payout run tries again; check your bank account details.");
    }

    public static Notice refundCredited(long amount, long balanceAfter, String walletReason) {
        String why = switch (walletReason == null ? "" : walletReason.substring(Math.min(walletReason.length(),
                REFUND_PREFIX.length()))) {
            case "TIER" -> "the difference between the group price and the final price";
            case "SESSION_FAILED" -> "the session did not reach its minimum";
            case "SESSION_CANCELLED" -> "the session was cancelled";
            case "PARTICIPANT_LEFT" -> "you left the session";
            case "LATE_PAYMENT" -> "your payment arrived after your seat had closed, so it could not count";
            case "AMOUNT_MISMATCH" -> "the amount you paid was not the amount of your invoice, so it could not pay "
                    + "your seat";
            default -> "a refund";
        };
        return new Notice(NotificationKind.REFUND_CREDITED, "Refund credited to your wallet",
                rupiah(amount) + " was credited to your Laku wallet (" + why + "). Your balance is now "
                        + rupiah(balanceAfter) + ".");
    }

    /** To everyone who joined (paid or not, SPEC §4); the wallet's refund notice tells a paid seat its amount. */
    public static Notice sessionFailed() {
        return new Notice(NotificationKind.SESSION_FAILED, "Your group buy did not go ahead",
                "The session ended below its minimum order, so it will not go ahead. Any payment of yours for it is "
                        + "refunded in full to your Laku wallet.");
    }

    public static Notice sessionFailedForFactory(long paidUnits, int paidSeats, long refunded) {
        return new Notice(NotificationKind.SESSION_FAILED_FACTORY, "Your session did not reach its minimum",
                "The session ended with " + number(paidUnits) + " paid units, below its minimum, so nothing is produced. "
                        + seatsRefunded(paidSeats, refunded));
    }

    /** To everyone who joined (paid or not); the wallet's refund notice tells a paid seat its amount. */
    public static Notice sessionCancelled(String reason) {
        return new Notice(NotificationKind.SESSION_CANCELLED, "Your group buy was cancelled",
                "Laku cancelled the session" + because(reason) + ". Any payment of yours for it is refunded in full to "
                        + "your Laku wallet.");
    }

    /** A seat still unpaid when a confirmed session ended: not part of the outcome. */
    public static Notice seatDropped(long quantity) {
        return new Notice(NotificationKind.SEAT_DROPPED, "Your seat was released",
                "The session ended before your seat of " + units(quantity) + " was paid, so it is not part of the group "
                        + "buy. If a payment for it still reaches us, it is refunded in full to your Laku wallet.");
    }

    public static Notice sessionCancelledForFactory(int paidSeats, long refunded, String reason) {
        return new Notice(NotificationKind.SESSION_CANCELLED_FACTORY, "Your session was cancelled",
                "Laku cancelled the session" + because(reason) + ", so nothing is produced. "
                        + seatsRefunded(paidSeats, refunded));
    }

    public static Notice purchaseOrder(String poNumber, String productName, long bundles, List<VariantUnits> ordered) {
        return new Notice(NotificationKind.PURCHASE_ORDER, "New purchase order " + poNumber,
                "Purchase order " + poNumber + " for " + product(productName) + ": " + bundles(bundles)
                        + ". Ordered units: " + variants(ordered) + ". Please confirm and start production.");
    }

    /** The factory's WhatsApp message for a purchase order (line breaks read well on a phone). */
    public static String purchaseOrderWhatsApp(String poNumber, String productName, long bundles, List<VariantUnits> ordered) {
        StringBuilder text = new StringBuilder()
                .append("Laku purchase order ").append(poNumber).append('\n')
                .append("Product: ").append(product(productName)).append('\n')
                .append("Bundles: ").append(number(bundles)).append('\n')
                .append("Ordered units:");
        ordered.forEach(line -> text.append("\n- ").append(line.variant()).append(": ").append(number(line.units())));
        return text.append("\nPlease confirm and start production.").toString();
    }

    /** A delivery the warehouse counted against a purchase order; what is still owed stays open on it. */
    public static Notice purchaseOrderReceived(String poNumber, long units, long outstandingUnits) {
        String rest = outstandingUnits > 0
                ? " " + units(outstandingUnits) + " of the order are still to be delivered."
                : " The order is complete. Thank you.";
        return new Notice(NotificationKind.PURCHASE_ORDER_RECEIVED, "Purchase order " + poNumber + " received",
                "The warehouse counted " + units(units) + " of purchase order " + poNumber + " and booked them into "
                        + "stock." + rest);
    }

    public static Notice ordersCreated(List<OrderLine> orders) {
        String lines = orders.stream()
                .map(o -> "Order " + o.orderNumber() + ": " + units(o.quantity()) + " at the final price of "
                        + rupiah(o.finalUnitPrice()) + " per unit (" + rupiah(o.quantity() * o.finalUnitPrice()) + ").")
                .collect(Collectors.joining(" "));
        return new Notice(NotificationKind.ORDER_CREATED, orders.size() == 1 ? "Your order is created"
                : "Your orders are created", lines);
    }

    public static Notice productionComplete(boolean fromStock) {
        return new Notice(NotificationKind.PRODUCTION_COMPLETE, "Your group buy is ready",
                fromStock ? "Your goods are in the warehouse and will be shipped soon."
                        : "The factory has finished producing your group buy. Your goods will be shipped soon.");
    }

    public static Notice escrowReleased(long amount) {
        return new Notice(NotificationKind.ESCROW_RELEASED, "Payment released",
                rupiah(amount) + " from the session's escrow was released to your payable balance.");
    }

    public static String rupiah(long amount) {
        return Rupiah.format(amount);
    }

    static String time(Instant instant) {
        return WIB.format(instant);
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(INDONESIA).format(value);
    }

    private static String units(long units) {
        return number(units) + (units == 1 ? " unit" : " units");
    }

    private static String bundles(long bundles) {
        return number(bundles) + (bundles == 1 ? " bundle" : " bundles");
    }

    private static String variants(List<VariantUnits> lines) {
        return lines.isEmpty() ? "none" : lines.stream().map(l -> l.variant() + " " + number(l.units()))
                .collect(Collectors.joining(", "));
    }

    private static String product(String name) {
        return name == null || name.isBlank() ? "your product" : name;
    }

    private static String because(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }

    private static String seatsRefunded(int paidSeats, long refunded) {
        return switch (paidSeats) {
            case 0 -> "No seat was paid, so nothing is refunded.";
            case 1 -> "1 paid seat (" + rupiah(refunded) + ") is refunded in full.";
            default -> paidSeats + " paid seats (" + rupiah(refunded) + ") are refunded in full.";
        };
    }
}

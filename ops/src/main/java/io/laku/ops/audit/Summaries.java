package io.laku.ops.audit;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderLine;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.fulfilment.ReservedUnits;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
import io.laku.contracts.wallet.WalletCredited;
import io.laku.contracts.wallet.WalletDebited;
import io.laku.platform.money.Rupiah;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** One line saying what an event says, in the business's words, amounts in rupiah ({@code Rp 1.500.000}). */
public final class Summaries {

    /** Long fields of an event type this build does not know that hold money, by their name. */
    private static final Pattern MONEY = Pattern.compile("(?i).*(amount|price|due|balance|paidin|refunded|total|fee).*");
    private static final int GENERIC_FIELDS = 8;

    private Summaries() {
    }

    public static String of(GenericRecord event) {
        return switch (event) {
            case ProductConfigured e -> "product '" + e.getName() + "' of factory " + e.getFactoryId() + ": "
                    + e.getVariants().size() + " variants (" + join(e.getVariants(), Summaries::variant) + ")";
            case SessionCreated e -> "opened for product " + e.getProductId() + ": MOQ " + e.getTargetMoq() + " at "
                    + rp(e.getGroupPrice()) + "/unit, tiers " + rp(e.getPriceTier25()) + " / " + rp(e.getPriceTier50())
                    + " / " + rp(e.getPriceTier75()) + " / " + rp(e.getPriceTier100()) + ", ends " + e.getEndTime()
                    + (e.getBotAllowed() ? "" : ", no bot");
            case ParticipantJoined e -> "user " + e.getUserId() + " joined: " + e.getQuantity() + " x variant "
                    + e.getVariantId() + " at " + rp(e.getUnitPrice()) + ", " + rp(e.getAmountDue()) + " due (participant "
                    + e.getParticipantId() + ")";
            case ParticipantLeft e -> "user " + e.getUserId() + " left: " + e.getQuantity() + " x variant "
                    + e.getVariantId() + (e.getPaid() ? ", paid seat (refund in full)" : ", unpaid seat");
            case SessionConfirmed e -> "confirmed at tier " + e.getTier() + ": final " + rp(e.getFinalUnitPrice())
                    + "/unit (group " + rp(e.getGroupPrice()) + "), " + e.getPaidUnits() + " paid + " + e.getBotUnits()
                    + " bot units of MOQ " + e.getTargetMoq() + ", " + e.getSeats() + " seats to settle";
            case SessionFailed e -> "failed (" + e.getReason() + "): " + e.getPaidUnits() + " paid units, "
                    + e.getPaidSeats() + " of " + e.getSeats() + " seats paid, " + rp(e.getRefundTotal()) + " to refund";
            case SessionCancelled e -> "cancelled by " + e.getCancelledBy()
                    + (e.getReason() == null ? "" : " (" + e.getReason() + ")") + ": " + e.getPaidSeats() + " of "
                    + e.getSeats() + " seats paid, " + rp(e.getRefundTotal()) + " to refund";
            case SeatSettled e -> "seat " + e.getSeat() + "/" + e.getSeats() + " of user " + e.getUserId() + " "
                    + e.getOutcome().name().toLowerCase(Locale.ROOT) + ": " + e.getQuantity() + " x "
                    + (e.getVariantName() == null ? e.getVariantId() : e.getVariantName()) + " paid "
                    + rp(e.getPaidUnitPrice()) + ", final " + rp(e.getFinalUnitPrice()) + ", " + rp(e.getRefundDue())
                    + " back";
            case OrderPlaced e -> "order " + e.getOrderNumber() + " for user " + e.getUserId() + ": " + e.getQuantity()
                    + " x " + (e.getVariantName() == null ? e.getVariantId() : e.getVariantName()) + " of '"
                    + e.getProductName() + "' at " + rp(e.getFinalUnitPrice()) + ", " + rp(e.getTotal());
            case ProductionCompleted e -> e.getImpliedByStock() ? "production implied: the stock was on hand"
                    : "factory " + e.getFactoryId() + " marked production done";
            case PaymentInvoiceCreated e -> "invoice " + e.getPaymentId() + " for user " + e.getUserId() + ": "
                    + rp(e.getAmount()) + ", payable until " + e.getExpiresAt();
            case PaymentPaid e -> "user " + e.getUserId() + " paid " + rp(e.getAmount()) + " into escrow (payment "
                    + e.getPaymentId() + ")";
            case PaymentExpired e -> "payment " + e.getPaymentId() + " of user " + e.getUserId() + " "
                    + e.getReason().toLowerCase(Locale.ROOT) + ": the seat is released";
            case RefundIssued e -> "refund " + e.getRefundId() + ": " + rp(e.getAmount()) + " to user " + e.getUserId()
                    + "'s wallet (" + e.getReason() + ")";
            case EscrowReleased e -> rp(e.getAmount()) + " released to factory " + e.getFactoryId() + " (paid in "
                    + rp(e.getPaidIn()) + ", refunded " + rp(e.getRefunded()) + ")";
            case WalletCredited e -> "wallet of user " + e.getUserId() + " +" + rp(e.getAmount()) + " (" + e.getReason()
                    + ", ref " + e.getReference() + "), balance " + rp(e.getBalanceAfter());
            case WalletDebited e -> "wallet of user " + e.getUserId() + " -" + rp(e.getAmount()) + " (" + e.getReason()
                    + ", ref " + e.getReference() + "), balance " + rp(e.getBalanceAfter());
            case StockReserved e -> e.getReservations().stream().mapToLong(ReservedUnits::getUnits).sum() + " units reserved ("
                    + join(e.getReservations(), r -> r.getVariantId() + " " + r.getUnits()) + ") "
                    + (e.getFromStockOnHand() ? "from stock on hand" : "after purchase order " + e.getPurchaseOrderId());
            case PurchaseOrderCreated e -> "purchase order " + e.getPoNumber() + ": " + e.getBundles() + " bundles of '"
                    + e.getProductName() + "' from factory " + e.getFactoryId() + " ("
                    + join(e.getLines(), Summaries::orderLine) + ")";
            case PurchaseOrderReceived e -> "purchase order " + e.getPoNumber() + " received: " + e.getBundles()
                    + " bundles, " + e.getLines().stream().mapToLong(ReceivedUnits::getUnits).sum() + " units into stock";
            case OrdersCreated e -> "all " + e.getOrderCount() + " orders of the session exist";
            default -> generic(event);
        };
    }

    private static String variant(ConfiguredVariant v) {
        return v.getName() + (v.getUnitsPerBundle() == null ? "" : " bundle " + v.getUnitsPerBundle())
                + (v.getTolerance() == null ? "" : " tolerance " + v.getTolerance());
    }

    private static String orderLine(PurchaseOrderLine line) {
        String name = line.getVariantName().isEmpty() ? line.getVariantId() : line.getVariantName();
        return name + " " + line.getOrderedUnits() + " ordered for " + line.getMissingUnits() + " missing";
    }

    /** An event type this build does not know: its top-level fields, money in rupiah. */
    static String generic(GenericRecord event) {
        List<Schema.Field> fields = event.getSchema().getFields();
        String shown = fields.stream().limit(GENERIC_FIELDS).map(f -> f.name() + "=" + value(f, event.get(f.pos())))
                .collect(Collectors.joining(", "));
        return fields.size() > GENERIC_FIELDS ? shown + ", ..." : shown;
    }

    private static String value(Schema.Field field, Object value) {
        if (value instanceof Long amount && MONEY.matcher(field.name()).matches()) {
            return rp(amount);
        }
        if (value instanceof java.util.Collection<?> items) {
            return "[" + items.size() + "]";
        }
        if (value instanceof GenericRecord) {
            return "{...}";
        }
        return String.valueOf(value);
    }

    private static <T> String join(List<T> items, Function<T, String> each) {
        return items.stream().map(each).collect(Collectors.joining(", "));
    }

    private static String rp(long amount) {
        return Rupiah.format(amount);
    }
}

package io.laku.ops.audit;

import io.laku.contracts.payment.RefundIssued;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Events keyed by another aggregate but about this one, found through an event that names both. A refund is the
 * session's, but the wallet credits it keyed by the user: RefundIssued names the user (the key to look under) and
 * the refund id (what the wallet event carries as its reference).
 */
public final class Links {

    /** Look on every topic under {@code key} for records whose payload names {@code reference}. */
    public record Link(String key, String reference, String why) {
    }

    private Links() {
    }

    public static List<Link> of(GenericRecord event) {
        return switch (event) {
            case RefundIssued refund -> List.of(new Link(refund.getUserId(), refund.getRefundId(),
                    "refund " + refund.getRefundId()));
            default -> List.of();
        };
    }
}

package io.laku.groupbuying.session;

import io.laku.groupbuying.expiry.PriceTiers;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A group-buying session: a factory's offer of one product at tiered prices until its end time. */
@Entity
@Table(name = "group_buying_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_code")
    public String sessionCode;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "factory_id")
    public UUID factoryId;

    @Column(name = "target_moq")
    public int targetMoq;

    @Column(name = "group_price")
    public long groupPrice;

    @Column(name = "price_tier_25")
    public long priceTier25;

    @Column(name = "price_tier_50")
    public long priceTier50;

    @Column(name = "price_tier_75")
    public long priceTier75;

    @Column(name = "price_tier_100")
    public long priceTier100;

    @Column(name = "bot_allowed")
    public boolean botAllowed;

    @Column(name = "end_time")
    public Instant endTime;

    @Convert(converter = SessionStatusConverter.class)
    public SessionStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** The tier reached at expiry (25/50/75/100), once confirmed. */
    public Integer tier;

    @Column(name = "final_unit_price")
    public Long finalUnitPrice;

    /** Units of the platform bot's seat recorded at expiry (no payment, no order, not in availability). */
    @Column(name = "bot_units")
    public Long botUnits;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    /** How many refunds the outcome made due (tier refunds, or full refunds of a failed or cancelled session). */
    @Column(name = "refunds_expected")
    public Integer refundsExpected;

    /** The warehouse's answer to the demand (SPEC §5.3): true = stock on hand, false = purchase order; null = not yet. */
    @Column(name = "stock_from_hand")
    public Boolean stockFromHand;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "po_number")
    public String poNumber;

    @Column(name = "bundles_ordered")
    public Long bundlesOrdered;

    /** Orders created for the session's participants, once order reported them. */
    @Column(name = "orders_created")
    public Integer ordersCreated;

    @Column(name = "production_completed_at")
    public Instant productionCompletedAt;

    @Column(name = "production_implied")
    public Boolean productionImplied;

    /** What one customer may hold unpaid in this session, set when it opened; null: the default rule (UnpaidCap). */
    @Column(name = "max_unpaid_units_per_customer")
    public Integer maxUnpaidUnitsPerCustomer;

    public PriceTiers priceTiers() {
        return new PriceTiers(groupPrice, priceTier25, priceTier50, priceTier75, priceTier100);
    }
}

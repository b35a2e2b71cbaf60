package io.laku.settlement.balances;

import io.laku.contracts.order.StoreOrderShipped;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerVerified;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.settlement.ledger.Movement;
import io.laku.settlement.ledger.SaleFee;
import io.laku.settlement.ledger.SettlementLedger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What settlement learns from the other services, in the consumer's transaction: who the sellers are (their bank
 * accounts and fees), each shipped store order (its seller is credited total - fee), and each escrow released to a
 * factory (the factory is credited). Each credit is once-only by its source (order or session) and ledger reference.
 */
@ApplicationScoped
public class Credits {

    private static final Logger LOG = Logger.getLogger(Credits.class);

    private static final String SELLER = """
            insert into payee (id, kind, user_id, name, bank_code, account_number, account_holder_name, created_at,
                               updated_at)
            values (?1, 'seller', ?2, ?3, ?4, ?5, ?6, ?7, ?7) on conflict (id) do nothing""";
    private static final String FEE = "update payee set fee_bps = ?2, updated_at = ?3 where id = ?1 and kind = 'seller'";
    private static final String FACTORY = """
            insert into payee (id, kind, user_id, created_at, updated_at) values (?1, 'factory', ?1, ?2, ?2)
            on conflict (id) do nothing""";
    private static final String SALE = """
            insert into seller_sale (order_id, seller_id, total, fee_bps, fee, net, shipped_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (order_id) do nothing""";
    private static final String RELEASE = """
            insert into factory_release (session_id, factory_id, amount, released_at) values (?1, ?2, ?3, ?4)
            on conflict (session_id) do nothing""";

    @Inject
    SettlementLedger ledger;

    public Uni<Void> sellerRegistered(SellerRegistered registered) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SELLER)
                        .setParameter(1, uuid(registered.getSellerId(), "sellerId"))
                        .setParameter(2, uuid(registered.getUserId(), "userId"))
                        .setParameter(3, registered.getStoreName())
                        .setParameter(4, registered.getBankAccount().getBankCode())
                        .setParameter(5, registered.getBankAccount().getAccountNumber())
                        .setParameter(6, registered.getBankAccount().getAccountHolderName())
                        .setParameter(7, Instant.now())
                        .executeUpdate())
                .invoke(created -> LOG.infof("Payee seller %s (%s): %s", registered.getSellerId(), registered.getStoreName(),
                        created == 1 ? "created" : "known"))
                .replaceWithVoid();
    }

    /** The seller's fee from now on: each later shipped order pays it. */
    public Uni<Void> sellerVerified(SellerVerified verified) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FEE)
                        .setParameter(1, uuid(verified.getSellerId(), "sellerId"))
                        .setParameter(2, verified.getFeeBps())
                        .setParameter(3, Instant.now())
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        // the seller's registration comes first on laku.seller (one key, one partition)
                        throw new IllegalStateException("seller " + verified.getSellerId() + " verified before it is known");
                    }
                    LOG.infof("Payee seller %s: fee %d bps", verified.getSellerId(), verified.getFeeBps());
                })
                .replaceWithVoid();
    }

    /** SPEC §8: each shipped order credits its seller with total - fee. */
    public Uni<Void> orderShipped(StoreOrderShipped shipped) {
        UUID orderId = uuid(shipped.getOrderId(), "orderId");
        UUID sellerId = uuid(shipped.getSellerId(), "sellerId");
        return Payee.<Payee>findById(sellerId).chain(seller -> {
            if (seller == null || seller.feeBps == null) {
                // a seller sells only once verified; its facts come on laku.seller and may arrive after this one:
                // a transient failure, retried until they are here
                throw new IllegalStateException("order " + orderId + " shipped by seller " + sellerId
                        + ", whose verification settlement has not seen yet");
            }
            SaleFee sale = SaleFee.of(shipped.getTotal(), seller.feeBps);
            return Panache.getSession().chain(session -> session.createNativeQuery(SALE)
                            .setParameter(1, orderId).setParameter(2, sellerId).setParameter(3, sale.total())
                            .setParameter(4, sale.feeBps()).setParameter(5, sale.fee()).setParameter(6, sale.net())
                            .setParameter(7, shipped.getShippedAt()).executeUpdate())
                    .chain(inserted -> {
                        if (inserted == 0) {
                            LOG.infof("Order %s of seller %s was credited before; nothing changes", orderId, sellerId);
                            return Uni.createFrom().voidItem();
                        }
                        Uni<Boolean> net = sale.net() > 0 ? ledger.post(Movement.sale(orderId, sellerId, sale.net()), orderId)
                                : Uni.createFrom().item(false);
                        return net.chain(() -> sale.fee() > 0 ? ledger.post(Movement.fee(orderId, sellerId, sale.fee()),
                                        orderId) : Uni.createFrom().item(false))
                                .invoke(() -> LOG.infof("Order %s shipped: seller %s credited %d (total %d, fee %d at %d bps)",
                                        orderId, sellerId, sale.net(), sale.total(), sale.fee(), sale.feeBps()))
                                .replaceWithVoid();
                    });
        });
    }

    /** Each EscrowReleased credits the session's factory. */
    public Uni<Void> escrowReleased(EscrowReleased released) {
        UUID sessionId = uuid(released.getSessionId(), "sessionId");
        UUID factoryId = uuid(released.getFactoryId(), "factoryId");
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(FACTORY)
                        .setParameter(1, factoryId).setParameter(2, now).executeUpdate()
                        .chain(() -> session.createNativeQuery(RELEASE)
                                .setParameter(1, sessionId).setParameter(2, factoryId)
                                .setParameter(3, released.getAmount()).setParameter(4, released.getReleasedAt())
                                .executeUpdate()))
                .chain(inserted -> {
                    if (inserted == 0 || released.getAmount() == 0) {
                        LOG.infof("Release of session %s to factory %s: %s", sessionId, factoryId,
                                inserted == 0 ? "credited before" : "nothing to credit");
                        return Uni.createFrom().voidItem();
                    }
                    return ledger.post(Movement.release(sessionId, factoryId, released.getAmount()), sessionId)
                            .invoke(() -> LOG.infof("Session %s released: factory %s credited %d", sessionId, factoryId,
                                    released.getAmount()))
                            .replaceWithVoid();
                });
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}

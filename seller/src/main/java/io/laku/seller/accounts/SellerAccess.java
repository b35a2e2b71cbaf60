package io.laku.seller.accounts;

import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Who may touch a seller account (SPEC §7, §8): the seller itself; an admin reads every account. */
@RequestScoped
public class SellerAccess {

    @Inject
    Caller caller;

    /** The caller's own account, for a seller changing its shop (products, stock); locked when asked. */
    public Uni<Seller> own(UUID sellerId, boolean lock) {
        return find(sellerId, lock).invoke(seller -> {
            if (!caller.is(Caller.SELLER) || !seller.userId.equals(caller.userId())) {
                throw ProblemException.forbidden("This seller account belongs to another user");
            }
        });
    }

    /** The caller's own account, or any account for an admin (reads). */
    public Uni<Seller> ownOrAdmin(UUID sellerId) {
        return caller.isAdmin() ? find(sellerId, false) : own(sellerId, false);
    }

    /** The account's own user (with any role) or an admin. */
    public Uni<Seller> readable(UUID sellerId) {
        return find(sellerId, false).invoke(seller -> caller.requireSelfOrAdmin(seller.userId));
    }

    private static Uni<Seller> find(UUID sellerId, boolean lock) {
        Uni<Seller> seller = lock ? Seller.findById(sellerId, LockModeType.PESSIMISTIC_WRITE) : Seller.findById(sellerId);
        return seller.onItem().ifNull().failWith(() -> ProblemException.notFound("Seller", sellerId));
    }
}

package io.laku.warehouse.support;

import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import java.util.UUID;

/**
 * Who sees and does what in the warehouse (SPEC §7): its staff ({@code warehouse}) and admins see all stock and every
 * purchase order, receive deliveries and adjust stock; a factory reads its own products' stock and purchase orders,
 * and receives nothing (the party paid by the escrow release never controls every condition of that release).
 */
public final class Access {

    private Access() {
    }

    /** Warehouse staff or an admin. */
    public static boolean staff(Caller caller) {
        return caller.isAdmin() || caller.is(Caller.WAREHOUSE);
    }

    /** Staff read everything; anyone else only what belongs to them. */
    public static void requireStaffOrOwner(Caller caller, UUID owner) {
        if (!staff(caller) && !caller.userId().equals(owner)) {
            throw ProblemException.forbidden("This resource belongs to another factory");
        }
    }
}

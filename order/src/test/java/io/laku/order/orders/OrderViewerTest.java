package io.laku.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderViewerTest {

    static final UUID ME = new UUID(0, 1);
    static final UUID SOMEONE = new UUID(0, 2);
    static final UUID ITS_FACTORY = new UUID(0, 0xFA);

    static final OrderViewer CUSTOMER = new OrderViewer(ME, false, true, false);
    static final OrderViewer FACTORY = new OrderViewer(ITS_FACTORY, false, false, true);
    static final OrderViewer OTHER_FACTORY = new OrderViewer(new UUID(0, 0xFB), false, false, true);
    static final OrderViewer ADMIN = new OrderViewer(new UUID(0, 0xAD), true, false, false);

    @Test
    void aCustomerSeesOnlyTheOrdersTheyPlaced() {
        assertThat(CUSTOMER.maySee(ME, ITS_FACTORY)).isTrue();
        assertThat(CUSTOMER.maySee(SOMEONE, ITS_FACTORY)).isFalse();
    }

    @Test
    void aFactorySeesTheOrdersOfItsOwnSessionsOnly() {
        assertThat(FACTORY.maySee(SOMEONE, ITS_FACTORY)).isTrue();
        assertThat(OTHER_FACTORY.maySee(SOMEONE, ITS_FACTORY)).isFalse();
    }

    @Test
    void anAdminSeesEveryOrder() {
        assertThat(ADMIN.maySee(SOMEONE, ITS_FACTORY)).isTrue();
    }

    @Test
    void aRoleSeesOnlyWhatItIsForEvenWhenTheIdMatchesTheOtherSide() {
        // a factory's id that happens to be an order's user id does not make it the buyer
        assertThat(new OrderViewer(ME, false, false, true).maySee(ME, ITS_FACTORY)).isFalse();
        assertThat(new OrderViewer(ITS_FACTORY, false, true, false).maySee(SOMEONE, ITS_FACTORY)).isFalse();
        assertThat(new OrderViewer(ME, false, true, true).maySee(ME, ITS_FACTORY)).isTrue();
    }

    @Test
    void onlyACustomerIsKeptFromFilteringByAnotherUser() {
        assertThat(CUSTOMER.mayFilterByUser(ME)).isTrue();
        assertThat(CUSTOMER.mayFilterByUser(SOMEONE)).isFalse();
        assertThat(FACTORY.mayFilterByUser(SOMEONE)).isTrue();
        assertThat(ADMIN.mayFilterByUser(SOMEONE)).isTrue();
    }
}

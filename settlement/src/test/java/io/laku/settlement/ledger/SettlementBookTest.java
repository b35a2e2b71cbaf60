package io.laku.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8's money invariant: paid by customers = refunded + fees + paid out + balances held; and the books refuse money
 * going to the wrong party, not only sums that do not balance.
 */
class SettlementBookTest {

    private static final UUID SELLER_A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SELLER_B = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID FACTORY = UUID.fromString("00000000-0000-0000-0000-0000000000fa");
    private static final UUID ORDER_A = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ORDER_B = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @Test
    void twoSellersShipTheyArePaidOutAndTheInvariantHolds() {
        SettlementBook book = new SettlementBook();
        // customers paid 460,000 to seller A, 75,000 to seller B, and 100,000 for an order seller A cancelled (refunded)
        SaleFee a = SaleFee.of(460_000, 500);
        SaleFee b = SaleFee.of(75_000, 500);
        book.post(Movement.sale(ORDER_A, SELLER_A, a.net()));
        book.post(Movement.fee(ORDER_A, SELLER_A, a.fee()));
        book.post(Movement.sale(ORDER_B, SELLER_B, b.net()));
        book.post(Movement.fee(ORDER_B, SELLER_B, b.fee()));
        assertThat(book.balance(PayeeKind.SELLER, SELLER_A)).isEqualTo(437_000);
        assertThat(book.balance(PayeeKind.SELLER, SELLER_B)).isEqualTo(71_250);
        assertThat(book.fees()).isEqualTo(23_000 + 3_750);

        book.post(Movement.payout(UUID.randomUUID(), SELLER_A, PayeeKind.SELLER, 437_000));
        assertThat(book.balance(PayeeKind.SELLER, SELLER_A)).isZero();
        assertThat(book.paidOut()).isEqualTo(437_000);
        assertThat(book.balancesHeld()).isEqualTo(71_250);
        assertThat(book.balanced()).isTrue();
        assertThat(SettlementBook.invariantHolds(460_000 + 75_000 + 100_000, 100_000, book.fees(), book.paidOut(),
                book.balancesHeld())).isTrue();
        assertThat(SettlementBook.invariantHolds(460_000 + 75_000 + 100_000, 0, book.fees(), book.paidOut(),
                book.balancesHeld())).isFalse();
    }

    @Test
    void aReleasedEscrowCreditsTheFactoryOnce() {
        SettlementBook book = new SettlementBook();
        book.post(Movement.release(SESSION, FACTORY, 6_750_000));
        book.post(Movement.release(SESSION, FACTORY, 6_750_000));
        assertThat(book.balance(PayeeKind.FACTORY, FACTORY)).isEqualTo(6_750_000);
        assertThat(book.received()).isEqualTo(6_750_000);
    }

    @Test
    void aPayoutIsNeverMoreThanTheBalanceNorPaidTwice() {
        SettlementBook book = new SettlementBook();
        book.post(Movement.release(SESSION, FACTORY, 1_000));
        UUID payout = UUID.randomUUID();
        assertThatThrownBy(() -> book.post(Movement.payout(UUID.randomUUID(), FACTORY, PayeeKind.FACTORY, 1_001)))
                .isInstanceOf(IllegalStateException.class);
        book.post(Movement.payout(payout, FACTORY, PayeeKind.FACTORY, 1_000));
        book.post(Movement.payout(payout, FACTORY, PayeeKind.FACTORY, 1_000));
        assertThat(book.paidOut()).isEqualTo(1_000);
        assertThat(book.balance(PayeeKind.FACTORY, FACTORY)).isZero();
    }

    @Test
    void moneyGoingToTheWrongPartyIsRefused() {
        // a payout of seller B taken from seller A's payable
        assertThatThrownBy(() -> new Movement("payout:x", Movement.Kind.PAYOUT, SELLER_B, PayeeKind.SELLER,
                PayeeKind.SELLER.payable(SELLER_A), Movement.PAID_OUT, 100)).isInstanceOf(WrongPartyException.class);
        // seller A's sale credited to seller B
        assertThatThrownBy(() -> new Movement("sale:x", Movement.Kind.SELLER_SALE, SELLER_A, PayeeKind.SELLER,
                Movement.CUSTOMER_PAYMENTS, PayeeKind.SELLER.payable(SELLER_B), 100)).isInstanceOf(WrongPartyException.class);
        // a fee paid to a seller instead of the platform
        assertThatThrownBy(() -> new Movement("fee:x", Movement.Kind.PLATFORM_FEE, SELLER_A, PayeeKind.SELLER,
                Movement.CUSTOMER_PAYMENTS, PayeeKind.SELLER.payable(SELLER_A), 100)).isInstanceOf(WrongPartyException.class);
        // a factory's release credited as if it were a seller
        assertThatThrownBy(() -> new Movement("release:x", Movement.Kind.FACTORY_RELEASE, FACTORY, PayeeKind.SELLER,
                Movement.CUSTOMER_PAYMENTS, PayeeKind.SELLER.payable(FACTORY), 100)).isInstanceOf(WrongPartyException.class);
        // and the sums: nothing, or between one account and itself
        assertThatThrownBy(() -> Movement.release(SESSION, FACTORY, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

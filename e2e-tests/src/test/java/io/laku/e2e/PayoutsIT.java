package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static io.laku.e2e.Stores.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 payouts over REST, nothing published by the test: a factory is paid what a successful group-buying session
 * released to it; a disbursement that fails at the bank, and requests that fail or lose their answer, are retried and
 * never pay twice.
 */
class PayoutsIT {

    @AfterEach
    void clearFaults() {
        RestAssured.given().delete(Platform.GATEWAY + "/simulator/disbursements/faults").then().statusCode(200);
    }

    @Test
    void aFactoryIsPaidOutWhatASuccessfulSessionReleasedToIt() {
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        Saga.stock(hoodie.variant("M"), 100);
        UUID session = Products.openSession(hoodie);
        List<Saga.Seat> seats = List.of(new Saga.Seat(UUID.randomUUID(), "M", 10),
                new Saga.Seat(UUID.randomUUID(), "M", 15), new Saga.Seat(UUID.randomUUID(), "M", 20));
        Saga.joinAndPay(hoodie, session, seats);
        assertThat(Saga.expire(session)).isEqualTo("confirmed");
        Saga.awaitStatus(session, "success");
        Money.assertEscrowSettled(session.toString());

        JsonPath owed = Stores.awaitBalance(factory, 6_750_000);
        assertThat(owed.getString("kind")).isEqualTo("factory");
        assertThat(owed.getList("entries.kind")).containsExactly("factory_release");
        // no bank account yet: nothing can be paid
        assertThat(Stores.payoutRun(factory)).isEmpty();
        // the factory says where its money goes; another factory may not
        String account = Stores.accountNumber();
        Map<String, Object> bank = Map.of("bankCode", "BNI", "accountNumber", account, "accountHolderName", "PT Pabrik Hoodie");
        as(UUID.randomUUID(), "factory").body(bank).put(Platform.SETTLEMENT + "/api/settlements/payees/" + factory
                + "/bank-account").then().statusCode(403);
        as(factory, "factory").body(bank).put(Platform.SETTLEMENT + "/api/settlements/payees/" + factory + "/bank-account")
                .then().statusCode(200);

        assertThat(Stores.payoutRun(factory)).singleElement().satisfies(p -> assertThat(number(p, "amount")).isEqualTo(6_750_000));
        JsonPath paid = Stores.awaitPayouts(factory, p -> p.size() == 1 && "completed".equals(p.getFirst().get("status")),
                "paid out");
        assertThat(Stores.payoutRun(factory)).isEmpty();
        assertThat(paid.getLong("balance")).isZero();
        assertThat(paid.getLong("paidOut")).isEqualTo(6_750_000);
        assertThat(Stores.disbursementsTo(account)).singleElement().satisfies(d -> {
            assertThat(d.get("status")).isEqualTo("COMPLETED");
            assertThat(number(d, "amount")).isEqualTo(6_750_000);
            assertThat(d.get("bank_code")).isEqualTo("BNI");
        });
        // the session's money: paid in = refunded + (no fee on group buying) + paid out + still held
        JsonPath ledger = Money.ledger(session.toString());
        assertThat(ledger.getLong("paidIn")).isEqualTo(ledger.getLong("refunded") + paid.getLong("paidOut") + paid.getLong("balance")
                + ledger.getLong("escrowBalance"));
        // the factory reads its own payee page with its own token
        as(factory, "factory").get(Platform.SETTLEMENT + "/api/settlements/payees/" + factory).then().statusCode(200);
        assertThat(Notices.awaitMessages(factory, "factory", "payout_completed", 1))
                .containsExactly("Rp 6.750.000 was paid out to your bank account.");
    }

    @Test
    void aFailedDisbursementAndFailingRequestsAreRetriedAndNeverPayTwice() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Sial", null);
        UUID variant = Stores.list(seller, "Unlucky Umbrella", List.of(Stores.variant("Black", 200_000, 3))).variant("Black");
        var items = Stores.basket(variant, 1);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        Stores.pay(customer, order);
        Stores.ship(seller, order);
        Stores.awaitBalance(seller.id(), 190_000);

        // the bank refuses the first disbursement: the payout fails, nothing is paid, the balance stays
        faults(Map.of("failNext", 1, "failureCode", "TEMPORARY_BANK_NETWORK_ERROR", "accountNumber", seller.accountNumber()));
        assertThat(Stores.payoutRun(seller.id())).singleElement().satisfies(p -> assertThat(number(p, "amount")).isEqualTo(190_000));
        JsonPath failed = Stores.awaitPayouts(seller.id(), p -> p.size() == 1 && "failed".equals(p.getFirst().get("status")),
                "payout failed");
        assertThat(failed.getString("payouts[0].failureCode")).isEqualTo("TEMPORARY_BANK_NETWORK_ERROR");
        assertThat(failed.getLong("balance")).isEqualTo(190_000);
        assertThat(failed.getLong("paidOut")).isZero();

        // the next run: two requests refused by the gateway, then one made whose answer is lost; the retry finds it
        faults(Map.of("rejectNext", 2, "rejectStatus", 503, "dropNext", 1, "accountNumber", seller.accountNumber()));
        assertThat(Stores.payoutRun(seller.id())).singleElement().satisfies(p -> assertThat(number(p, "amount")).isEqualTo(190_000));
        JsonPath paid = Stores.awaitPayouts(seller.id(), p -> p.size() == 2 && "completed".equals(p.getFirst().get("status")),
                "paid out on the second run");
        assertThat(Stores.payoutRun(seller.id())).isEmpty();
        assertThat(paid.getLong("balance")).isZero();
        assertThat(paid.getLong("paidOut")).isEqualTo(190_000);
        assertThat(paid.getList("payouts.status")).containsExactly("completed", "failed");
        // the two refused requests and the one whose answer was lost were all retried: every fault was used up
        JsonPath armed = RestAssured.given().get(Platform.GATEWAY + "/simulator/disbursements/faults").then().statusCode(200)
                .extract().jsonPath();
        assertThat(List.of(armed.getInt("rejectNext"), armed.getInt("dropNext"), armed.getInt("failNext"))).containsOnly(0);
        assertThat(Stores.disbursementsTo(seller.accountNumber())).extracting(d -> d.get("status"), d -> number(d, "amount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FAILED", 190_000L),
                        org.assertj.core.groups.Tuple.tuple("COMPLETED", 190_000L));
        assertThat(paid.getList("entries.kind")).containsExactlyInAnyOrder("seller_sale", "platform_fee", "payout");
        // the seller was told of both: the failure with its code, then the payout
        assertThat(Notices.awaitMessages(seller.user(), "seller", "payout_failed", 1)).singleElement().asString()
                .contains("Rp 190.000 could not be made (TEMPORARY_BANK_NETWORK_ERROR)");
        assertThat(Notices.awaitMessages(seller.user(), "seller", "payout_completed", 1))
                .containsExactly("Rp 190.000 was paid out to your bank account.");
    }

    private static void faults(Map<String, Object> faults) {
        RestAssured.given().contentType("application/json").body(faults)
                .post(Platform.GATEWAY + "/simulator/disbursements/faults").then().statusCode(200);
    }
}

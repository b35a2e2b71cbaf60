package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 64 customers at once on a variant with 5 units left: exactly 5 get a seat, the others a 409 naming the variant. */
class ConcurrentJoinIT {

    private static final int CLIENTS = 64;

    @Test
    void sixtyFourClientsOnFiveUnitsLeftSeatExactlyFive() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID xl = hoodie.variant("XL");
        // a fresh session allows 10 XL (worked example 1); take 5 so that 5 are left
        Products.joinAs(UUID.randomUUID(), session, xl, 5);
        as(UUID.randomUUID(), "customer").get(Platform.GROUP_BUYING + "/api/group-buying/" + session
                + "/variant-availability/" + xl).then().statusCode(200).body("available", org.hamcrest.Matchers.equalTo(5));

        // tokens first, so the requests start together
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(Platform.token(UUID.randomUUID(), "customer"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Platform.anonymous().auth().oauth2(token).body(Products.join(xl, 1))
                            .post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/join");
                }));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 201) {
                    accepted++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getString("variantId")).isEqualTo(xl.toString());
                    assertThat(r.jsonPath().getString("variantName")).isEqualTo("XL");
                    assertThat(r.jsonPath().getInt("available")).isZero();
                    assertThat(r.jsonPath().getString("detail")).contains("XL").contains("0 units available");
                    refused++;
                }
            }
            assertThat(accepted).isEqualTo(5);
            assertThat(refused).isEqualTo(CLIENTS - 5);
        } finally {
            pool.shutdownNow();
        }

        try (Connection db = Platform.database("group_buying");
                PreparedStatement q = db.prepareStatement("""
                        select (select coalesce(sum(quantity), 0) from participant where session_id = ?1 and variant_id = ?2),
                               (select awaiting_units + paid_units from session_variant_tally where session_id = ?1 and variant_id = ?2),
                               (select count(*) from outbox_event where aggregate_id = ?3 and event_type = 'ParticipantJoined')
                        """.replace("?1", "?").replace("?2", "?").replace("?3", "?"))) {
            q.setObject(1, session);
            q.setObject(2, xl);
            q.setObject(3, session);
            q.setObject(4, xl);
            q.setString(5, session.toString());
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(10);
                assertThat(rows.getLong(2)).isEqualTo(10);
                assertThat(rows.getLong(3)).isEqualTo(6);
            }
        }
    }
}

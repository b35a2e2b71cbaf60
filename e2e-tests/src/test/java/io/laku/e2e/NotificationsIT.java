package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.VariantDemand;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Notifications against the running stack: the test publishes each saga event in its producer's place (random ids,
 * so tests never see each other's data) and reads what people were told over REST, and what WhatsApp received from
 * the gateway simulator's Cloud API.
 */
class NotificationsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String NOTICES = Platform.NOTIFICATIONS + "/api/notifications";
    private static final String MESSAGES = NOTICES + "/whatsapp/messages";
    private static final String MY_CONTACT = NOTICES + "/whatsapp-contact";
    private static final String WHATSAPP = Platform.GATEWAY + "/whatsapp";
    private static final UUID ADMIN = UUID.randomUUID();
    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'", Locale.ENGLISH)
            .withZone(ZoneId.of("Asia/Jakarta"));

    @Test
    void theCustomerGetsThePaymentLinkAndTheReceiptOnceEach() {
        UUID session = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        Instant expires = NotifiedEvents.now().plus(Duration.ofHours(24));
        String url = "http://127.0.0.1:3020/pay/" + payment;
        var invoice = NotifiedEvents.invoiceCreated(session, customer, payment, 2_000_000, url, expires);
        UUID eventId = UUID.randomUUID();
        RecordMetadata first = Events.publish("laku.payment", session.toString(), invoice, eventId);

        Map<String, Object> link = awaitNotice(customer, "joined_payment_link");
        assertThat(link.get("title")).isEqualTo("Pay to keep your seat");
        assertThat(link.get("message")).isEqualTo("You joined a group buy. Pay Rp 2.000.000 before " + WIB.format(expires)
                + " to keep your seat: " + url);
        assertThat(link.get("sessionId")).isEqualTo(session.toString());
        assertThat(link.get("readAt")).isNull();

        Events.publish("laku.payment", session.toString(), NotifiedEvents.paid(session, customer, payment, 2_000_000));
        assertThat(awaitNotice(customer, "payment_received").get("message")).isEqualTo(
                "We received your payment of Rp 2.000.000. It is held safely in escrow until the session ends.");

        // redelivered (same event id) and re-announced (the same invoice under a new event id): nothing new
        RecordMetadata redelivered = Events.publish("laku.payment", session.toString(), invoice, eventId);
        RecordMetadata reannounced = Events.publish("laku.payment", session.toString(), invoice);
        awaitConsumed(first, redelivered, reannounced);
        assertThat(notices(customer)).extracting(n -> n.get("kind"))
                .containsExactlyInAnyOrder("joined_payment_link", "payment_received");
    }

    /** SPEC §4's example: A 10, B 15, C 20 units paid at 200,000; tier 25 at 150,000. */
    @Test
    void aConfirmedSessionTellsEachParticipantTheirRefundAndTheFactoryItsDemand() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID droppedJoiner = UUID.randomUUID();
        SessionEvents.publish(session.toString(), SessionEvents.joined(session.toString(), factory, UUID.randomUUID(),
                droppedJoiner, 1, 200_000));
        var confirmed = SessionEvents.confirmed(session.toString(), factory, 25, 200_000, 150_000, List.of(
                SessionEvents.confirmedParticipant(UUID.randomUUID(), a, 10, 200_000, 150_000),
                SessionEvents.confirmedParticipant(UUID.randomUUID(), b, 15, 200_000, 150_000),
                SessionEvents.confirmedParticipant(UUID.randomUUID(), c, 20, 200_000, 150_000)));
        confirmed.confirmed().setDemand(List.of(demand("S", 10), demand("M", 15), demand("L", 20)));
        UUID eventId = UUID.randomUUID();
        RecordMetadata first = SessionEvents.publish(session.toString(), confirmed, eventId);

        assertThat(awaitNotice(a, "session_confirmed").get("message")).isEqualTo("The session closed at tier 25%: the final "
                + "price is Rp 150.000 per unit for your 10 units (you paid Rp 200.000 per unit). Rp 500.000 will be "
                + "refunded to your Laku wallet.");
        assertThat(awaitNotice(b, "session_confirmed").get("message")).asString().contains("for your 15 units")
                .endsWith("Rp 750.000 will be refunded to your Laku wallet.");
        assertThat(awaitNotice(c, "session_confirmed").get("message")).asString().contains("for your 20 units")
                .endsWith("Rp 1.000.000 will be refunded to your Laku wallet.");
        Map<String, Object> factoryNotice = awaitNotice(factory, "session_confirmed_factory");
        assertThat(factoryNotice.get("title")).isEqualTo("Your session is confirmed");
        assertThat(factoryNotice.get("message")).isEqualTo("The session closed at tier 25% with 45 paid units at "
                + "Rp 150.000 per unit. Demand: S 10, M 15, L 20.");

        // the tier refund reaches A's wallet; a credit that is not a refund is no notice
        Events.publish("laku.wallet", a.toString(), NotifiedEvents.walletCredited(a, 500_000, 500_000,
                UUID.randomUUID().toString(), "refund:TIER", session));
        assertThat(awaitNotice(a, "refund_credited").get("message")).isEqualTo("Rp 500.000 was credited to your Laku "
                + "wallet (the difference between the group price and the final price). Your balance is now Rp 500.000.");
        RecordMetadata topUp = Events.publish("laku.wallet", b.toString(), NotifiedEvents.walletCredited(b, 50_000,
                50_000, UUID.randomUUID().toString(), "top_up", null));

        // production done: the confirmed participants hear it, the joiner whose seat was dropped does not
        RecordMetadata production = SessionEvents.publish(session.toString(),
                SessionEvents.productionCompleted(session.toString(), factory));
        for (UUID participant : List.of(a, b, c)) {
            assertThat(awaitNotice(participant, "production_complete").get("message"))
                    .isEqualTo("The factory has finished producing your group buy. Your goods will be shipped soon.");
        }

        RecordMetadata redelivered = SessionEvents.publish(session.toString(), confirmed, eventId);
        awaitConsumed(first, redelivered, topUp, production);
        assertThat(notices(a)).extracting(n -> n.get("kind"))
                .containsExactlyInAnyOrder("session_confirmed", "refund_credited", "production_complete");
        assertThat(notices(b)).extracting(n -> n.get("kind"))
                .containsExactlyInAnyOrder("session_confirmed", "production_complete");
        // (payment opened an invoice for the joiner's seat, so they may have a payment link, but nothing more)
        assertThat(notices(droppedJoiner)).extracting(n -> n.get("kind")).doesNotContain("production_complete",
                "session_confirmed");
        assertThat(notices(factory)).extracting(n -> n.get("kind")).containsOnlyOnce("session_confirmed_factory");
    }

    @Test
    void ordersAndTheFactoryPayoutAreAnnounced() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Events.publish("laku.order", session.toString(), NotifiedEvents.orderPlaced(session, a, "ORD-A-1", 10, 150_000));
        Events.publish("laku.order", session.toString(), NotifiedEvents.orderPlaced(session, b, "ORD-B-1", 15, 150_000));
        Events.publish("laku.order", session.toString(), NotifiedEvents.orderPlaced(session, b, "ORD-B-2", 1, 150_000));
        Map<String, Object> ofA = awaitNotice(a, "order_created");
        assertThat(ofA.get("title")).isEqualTo("Your order is created");
        assertThat(ofA.get("message")).isEqualTo("Order ORD-A-1: 10 units at the final price of Rp 150.000 per unit "
                + "(Rp 1.500.000).");
        // one notice per order: b has two
        List<Object> ofB = await("b's two order notices").atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> notices(b).stream().filter(n -> "order_created".equals(n.get("kind")))
                        .map(n -> n.get("message")).toList(), messages -> messages.size() == 2);
        assertThat(ofB).containsExactlyInAnyOrder(
                "Order ORD-B-1: 15 units at the final price of Rp 150.000 per unit (Rp 2.250.000).",
                "Order ORD-B-2: 1 unit at the final price of Rp 150.000 per unit (Rp 150.000).");

        Events.publish("laku.payment", session.toString(),
                NotifiedEvents.escrowReleased(session, factory, 6_750_000, 9_000_000, 2_250_000));
        assertThat(awaitNotice(factory, "escrow_released").get("message"))
                .isEqualTo("Rp 6.750.000 from the session's escrow was released to your payable balance.");
    }

    @Test
    void failedAndCancelledSessionsTellEveryRefundedParticipantAndTheFactory() {
        UUID failedSession = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        UUID payer1 = UUID.randomUUID();
        UUID payer2 = UUID.randomUUID();
        UUID seat1 = UUID.randomUUID();
        UUID seat2 = UUID.randomUUID();
        SessionEvents.publish(failedSession.toString(), SessionEvents.joined(failedSession.toString(), factory, seat1,
                payer1, 3, 200_000));
        SessionEvents.publish(failedSession.toString(), SessionEvents.joined(failedSession.toString(), factory, seat2,
                payer2, 5, 200_000));
        var failed = SessionEvents.failed(failedSession.toString(), factory, List.of(
                SessionEvents.paidSeat(seat1, payer1, 3, 200_000), SessionEvents.paidSeat(seat2, payer2, 5, 200_000)));
        SessionEvents.publish(failedSession.toString(), failed);
        String failedNotice = "The session ended below its minimum order, so it will not go ahead. Any payment of yours "
                + "for it is refunded in full to your Laku wallet.";
        assertThat(awaitNotice(payer1, "session_failed").get("message")).isEqualTo(failedNotice);
        assertThat(awaitNotice(payer2, "session_failed").get("message")).isEqualTo(failedNotice);
        assertThat(awaitNotice(factory, "session_failed_factory").get("message")).isEqualTo("The session ended with 8 "
                + "paid units, below its minimum, so nothing is produced. 2 paid seats (Rp 1.600.000) are refunded in full.");

        // the full refund reaching the wallet is announced too
        Events.publish("laku.wallet", payer1.toString(), NotifiedEvents.walletCredited(payer1, 600_000, 600_000,
                UUID.randomUUID().toString(), "refund:SESSION_FAILED", failedSession));
        assertThat(awaitNotice(payer1, "refund_credited").get("message")).isEqualTo("Rp 600.000 was credited to your "
                + "Laku wallet (the session did not reach its minimum). Your balance is now Rp 600.000.");

        UUID cancelledSession = UUID.randomUUID();
        UUID payer3 = UUID.randomUUID();
        UUID seat3 = UUID.randomUUID();
        UUID seat4 = UUID.randomUUID();
        SessionEvents.publish(cancelledSession.toString(), SessionEvents.joined(cancelledSession.toString(), factory,
                seat3, payer3, 2, 200_000));
        SessionEvents.publish(cancelledSession.toString(), SessionEvents.joined(cancelledSession.toString(), factory,
                seat4, payer3, 1, 200_000));
        SessionEvents.publish(cancelledSession.toString(), SessionEvents.cancelled(cancelledSession.toString(), factory,
                "factory out of fabric", List.of(SessionEvents.paidSeat(seat3, payer3, 2, 200_000),
                        SessionEvents.paidSeat(seat4, payer3, 1, 200_000))));
        assertThat(awaitNotice(payer3, "session_cancelled").get("message")).isEqualTo("Laku cancelled the session "
                + "(factory out of fabric). Any payment of yours for it is refunded in full to your Laku wallet.");
        assertThat(awaitNotice(factory, "session_cancelled_factory").get("message")).isEqualTo("Laku cancelled the "
                + "session (factory out of fabric), so nothing is produced. 2 paid seats (Rp 600.000) are refunded in full.");
        assertThat(notices(payer3)).extracting(n -> n.get("kind")).containsOnlyOnce("session_cancelled")
                .doesNotContain("session_failed", "session_confirmed");
    }

    @Test
    void aPurchaseOrderReachesTheFactorysWhatsAppExactlyOnce() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        String phone = randomPhone();
        as(factory, "factory").body(Map.of("phone", phone)).put(MY_CONTACT).then().statusCode(200)
                .body("phone", equalTo(phone)).body("userId", equalTo(factory.toString()));
        as(factory, "factory").get(MY_CONTACT).then().statusCode(200).body("phone", equalTo(phone));
        SessionEvents.publish(session.toString(), sessionCreated(session, factory));

        UUID po = UUID.randomUUID();
        String poNumber = "PO-E2E-" + po.toString().substring(0, 8);
        var order = NotifiedEvents.purchaseOrder(session, factory, po, poNumber, "Premium Hoodie", 3, List.of(
                NotifiedEvents.line("S", 2, 5, 3), NotifiedEvents.line("M", 5, 12, 3)));
        UUID eventId = UUID.randomUUID();
        RecordMetadata first = Events.publish("laku.fulfilment", session.toString(), order, eventId);

        assertThat(awaitNotice(factory, "purchase_order").get("message")).isEqualTo("Purchase order " + poNumber
                + " for Premium Hoodie: 3 bundles. Ordered units: S 6, M 15. Please confirm and start production.");
        Map<String, Object> sent = awaitWhatsApp(factory, m -> "sent".equals(m.get("status")));
        assertThat(sent.get("kind")).isEqualTo("purchase_order");
        assertThat(sent.get("toPhone")).isEqualTo(phone);
        assertThat(sent.get("attempts")).isEqualTo(1);
        assertThat(sent.get("sourceEventId")).isEqualTo(eventId.toString());
        assertThat((String) sent.get("providerMessageId")).startsWith("wamid.");

        List<Map<String, Object>> received = simulated(phone);
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().get("id")).isEqualTo(sent.get("providerMessageId"));
        assertThat(received.getFirst().get("body")).isEqualTo("Laku purchase order " + poNumber + "\nProduct: Premium "
                + "Hoodie\nBundles: 3\nOrdered units:\n- S: 6\n- M: 15\nPlease confirm and start production.");

        // redelivered and re-announced: no second notice, no second WhatsApp message
        RecordMetadata redelivered = Events.publish("laku.fulfilment", session.toString(), order, eventId);
        RecordMetadata reannounced = Events.publish("laku.fulfilment", session.toString(), order);
        awaitConsumed(first, redelivered, reannounced);
        assertThat(whatsApps(factory)).hasSize(1);
        assertThat(notices(factory)).extracting(n -> n.get("kind"))
                .containsExactlyInAnyOrder("session_opened", "purchase_order");

        // the delivery names no factory: the session's factory hears of it
        Events.publish("laku.fulfilment", session.toString(),
                NotifiedEvents.purchaseOrderReceived(session, po, poNumber, 3, 6, 15));
        assertThat(awaitNotice(factory, "purchase_order_received").get("message")).isEqualTo("The warehouse counted "
                + "21 units of purchase order " + poNumber + " and booked them into stock. The order is complete. Thank you.");
        assertThat(simulated(phone)).hasSize(1);
    }

    @Test
    void withoutANumberTheMessageWaitsUntilTheFactorySetsOne() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        as(factory, "factory").get(MY_CONTACT).then().statusCode(404)
                .contentType("application/problem+json");
        RecordMetadata published = Events.publish("laku.fulfilment", session.toString(), purchaseOrder(session, factory));
        awaitConsumed(published);
        Map<String, Object> waiting = awaitWhatsApp(factory, m -> true);
        assertThat(waiting.get("status")).isEqualTo("waiting_for_contact");
        assertThat(waiting.get("toPhone")).isNull();
        assertThat(waiting.get("attempts")).isEqualTo(0);

        String phone = randomPhone();
        as(factory, "factory").body(Map.of("phone", phone)).put(MY_CONTACT).then().statusCode(200);
        Map<String, Object> sent = awaitWhatsApp(factory, m -> "sent".equals(m.get("status")));
        assertThat(sent.get("id")).isEqualTo(waiting.get("id"));
        assertThat(sent.get("toPhone")).isEqualTo(phone);
        assertThat(simulated(phone)).hasSize(1);
    }

    @Test
    void anAdminSetsAFactorysNumber() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        Events.publish("laku.fulfilment", session.toString(), purchaseOrder(session, factory));
        awaitWhatsApp(factory, m -> "waiting_for_contact".equals(m.get("status")));
        String phone = randomPhone();
        // typed with spaces and dashes, stored in E.164
        admin().body(Map.of("phone", phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6)))
                .put(NOTICES + "/whatsapp-contacts/" + factory).then().statusCode(200).body("phone", equalTo(phone));
        admin().get(NOTICES + "/whatsapp-contacts/" + factory).then().statusCode(200).body("phone", equalTo(phone));
        awaitWhatsApp(factory, m -> "sent".equals(m.get("status")));
        assertThat(simulated(phone)).hasSize(1);
    }

    @Test
    void aFlakyWhatsAppIsRetriedUntilTheMessageIsSent() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        String phone = randomPhone();
        as(factory, "factory").body(Map.of("phone", phone)).put(MY_CONTACT).then().statusCode(200);
        injectFaults(phone, 2, 500);

        Events.publish("laku.fulfilment", session.toString(), purchaseOrder(session, factory));
        Map<String, Object> sent = awaitWhatsApp(factory, m -> "sent".equals(m.get("status")));
        assertThat(sent.get("attempts")).isEqualTo(3);
        assertThat((String) sent.get("lastError")).contains("HTTP 500");
        assertThat(simulated(phone)).hasSize(1);
        List<Map<String, Object>> listed = admin().queryParam("status", "sent").queryParam("size", 100).get(MESSAGES)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(listed).anySatisfy(m -> {
            assertThat(m.get("id")).isEqualTo(sent.get("id"));
            assertThat(m.get("attempts")).isEqualTo(3);
        });
    }

    /** Defaults: 8 sends, 1 s doubling to a 10 s cap: failed about 45 s after the first send. */
    @Test
    void aMessageThatKeepsFailingIsFailedVisiblyAndAnAdminCanRequeueIt() {
        UUID session = UUID.randomUUID();
        UUID factory = UUID.randomUUID();
        String phone = randomPhone();
        as(factory, "factory").body(Map.of("phone", phone)).put(MY_CONTACT).then().statusCode(200);
        injectFaults(phone, 1_000, 503);

        Events.publish("laku.fulfilment", session.toString(), purchaseOrder(session, factory));
        Map<String, Object> failed = await("the message fails").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> whatsApps(factory), list -> list.size() == 1 && "failed".equals(list.getFirst().get("status")))
                .getFirst();
        assertThat(failed.get("attempts")).isEqualTo(8);
        assertThat((String) failed.get("lastError")).contains("HTTP 503");
        assertThat(simulated(phone)).isEmpty();
        assertThat(admin().queryParam("status", "failed").queryParam("size", 100).get(MESSAGES).then().statusCode(200)
                .extract().jsonPath().getList("items.id")).contains(failed.get("id"));

        RestAssured.given().delete(WHATSAPP + "/faults").then().statusCode(200);
        admin().post(MESSAGES + "/" + failed.get("id") + "/retry").then().statusCode(200)
                .body("status", equalTo("pending")).body("attempts", equalTo(0));
        Map<String, Object> sent = awaitWhatsApp(factory, m -> "sent".equals(m.get("status")));
        assertThat(sent.get("attempts")).isEqualTo(1);
        assertThat(simulated(phone)).hasSize(1);

        // a sent message cannot be requeued
        problem(admin().post(MESSAGES + "/" + failed.get("id") + "/retry"), 409)
                .body("type", equalTo("https://laku.io/problems/whatsapp-message-not-failed"))
                .body("messageStatus", equalTo("sent"));
        assertThat(simulated(phone)).hasSize(1);
    }

    @Test
    void noticesArePagedWithTheUnreadCountAndOnlyTheirOwnerMarksThemRead() {
        UUID session = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        for (long amount : new long[] {100_000, 200_000, 300_000}) {
            Events.publish("laku.payment", session.toString(), NotifiedEvents.invoiceCreated(session, customer,
                    UUID.randomUUID(), amount, "http://pay/" + amount, NotifiedEvents.now().plus(Duration.ofHours(1))));
        }
        await("three notices").atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() -> notices(customer).size() == 3);

        JsonPath first = as(customer, "customer").queryParam("page", 0).queryParam("size", 2).get(NOTICES)
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(first.getLong("total")).isEqualTo(3);
        assertThat(first.getLong("unreadCount")).isEqualTo(3);
        JsonPath second = as(customer, "customer").queryParam("page", 1).queryParam("size", 2).get(NOTICES)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        List<String> ids = new java.util.ArrayList<>(first.getList("items.id"));
        ids.addAll(second.getList("items.id"));
        assertThat(ids).doesNotHaveDuplicates();

        String id = ids.getFirst();
        problem(as(someoneElse, "customer").post(NOTICES + "/" + id + "/read"), 403);
        problem(RestAssured.given().post(NOTICES + "/" + id + "/read"), 401);
        assertThat(unread(customer)).isEqualTo(3);

        String readAt = as(customer, "customer").post(NOTICES + "/" + id + "/read").then().statusCode(200)
                .body("id", equalTo(id)).extract().path("readAt");
        assertThat(readAt).isNotNull();
        as(customer, "customer").post(NOTICES + "/" + id + "/read").then().statusCode(200).body("readAt", equalTo(readAt));
        assertThat(unread(customer)).isEqualTo(2);
        problem(as(customer, "customer").post(NOTICES + "/" + UUID.randomUUID() + "/read"), 404);
        assertThat(unread(customer)).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        UUID customer = UUID.randomUUID();
        problem(as(customer, "customer").queryParam("page", -1).get(NOTICES), 400).body("field", equalTo("page"));
        problem(as(customer, "customer").queryParam("size", 0).get(NOTICES), 400).body("field", equalTo("size"));
        problem(as(customer, "customer").queryParam("size", 101).get(NOTICES), 400).body("field", equalTo("size"));

        String phone = randomPhone();
        as(customer, "customer").body(Map.of("phone", phone)).put(MY_CONTACT).then().statusCode(200);
        for (String bad : List.of("081234567890", "+62", "+62812abc4567", "+1234567890123456", "")) {
            problem(as(customer, "customer").body(Map.of("phone", bad)).put(MY_CONTACT), 400).body("field", equalTo("phone"));
        }
        problem(as(customer, "customer").body(Map.of()).put(MY_CONTACT), 400).body("field", equalTo("phone"));
        problem(as(customer, "customer").body("{not json").put(MY_CONTACT), 400);
        problem(admin().body(Map.of("phone", "12345")).put(NOTICES + "/whatsapp-contacts/" + customer), 400)
                .body("field", equalTo("phone"));
        as(customer, "customer").get(MY_CONTACT).then().statusCode(200).body("phone", equalTo(phone));

        problem(admin().queryParam("page", -1).get(MESSAGES), 400).body("field", equalTo("page"));
        problem(admin().queryParam("status", "delivered").get(MESSAGES), 400).body("field", equalTo("status"));
        problem(admin().post(MESSAGES + "/" + UUID.randomUUID() + "/retry"), 404);
        problem(admin().get(MESSAGES + "/" + UUID.randomUUID()), 404);
        problem(admin().get(NOTICES + "/whatsapp-contacts/" + UUID.randomUUID()), 404);

        // no token: 401; not an admin: 403
        problem(RestAssured.given().get(NOTICES), 401);
        problem(RestAssured.given().get(MY_CONTACT), 401);
        problem(RestAssured.given().contentType("application/json").body(Map.of("phone", phone)).put(MY_CONTACT), 401);
        problem(RestAssured.given().get(MESSAGES), 401);
        problem(RestAssured.given().post(MESSAGES + "/" + UUID.randomUUID() + "/retry"), 401);
        for (String role : List.of("customer", "factory")) {
            problem(as(customer, role).get(MESSAGES), 403);
            problem(as(customer, role).post(MESSAGES + "/" + UUID.randomUUID() + "/retry"), 403);
            problem(as(customer, role).body(Map.of("phone", randomPhone())).put(NOTICES + "/whatsapp-contacts/" + customer), 403);
            problem(as(customer, role).get(NOTICES + "/whatsapp-contacts/" + customer), 403);
        }
        as(customer, "customer").get(MY_CONTACT).then().statusCode(200).body("phone", equalTo(phone));
    }

    // ---------------------------------------------------------------- helpers

    private static io.restassured.specification.RequestSpecification admin() {
        return as(ADMIN, "admin");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }

    private static List<Map<String, Object>> notices(UUID user) {
        return as(user, "customer").queryParam("size", 100).get(NOTICES).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static long unread(UUID user) {
        return as(user, "customer").get(NOTICES).then().statusCode(200).extract().jsonPath().getLong("unreadCount");
    }

    private static Map<String, Object> awaitNotice(UUID user, String kind) {
        return await(kind + " for " + user).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> notices(user).stream().filter(n -> kind.equals(n.get("kind"))).toList(), l -> !l.isEmpty())
                .getFirst();
    }

    private static List<Map<String, Object>> whatsApps(UUID user) {
        return admin().queryParam("userId", user).queryParam("size", 100).get(MESSAGES).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> awaitWhatsApp(UUID user, Predicate<Map<String, Object>> match) {
        return await("WhatsApp message for " + user).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> whatsApps(user).stream().filter(match).toList(), l -> !l.isEmpty()).getFirst();
    }

    /** What the simulated WhatsApp received for a number, oldest first. */
    private static List<Map<String, Object>> simulated(String phone) {
        return RestAssured.given().queryParam("to", phone).get(WHATSAPP + "/messages").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static void injectFaults(String phone, int failNext, int status) {
        RestAssured.given().contentType("application/json")
                .body(Map.of("failNext", failNext, "status", status, "to", phone)).post(WHATSAPP + "/faults")
                .then().statusCode(200).body("failNext", equalTo(failNext));
    }

    private static void awaitConsumed(RecordMetadata... records) {
        await("notifications consumed " + records.length + " record(s)").atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> Arrays.stream(records).allMatch(r -> Topics.consumedPast("notifications", r)));
    }

    private static String randomPhone() {
        return "+62812" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
    }

    private static VariantDemand demand(String name, long units) {
        return VariantDemand.newBuilder().setVariantId(UUID.randomUUID().toString()).setVariantName(name).setUnits(units)
                .build();
    }

    private static SessionCreated sessionCreated(UUID session, UUID factory) {
        Instant now = NotifiedEvents.now();
        return SessionCreated.newBuilder().setSessionId(session.toString()).setProductId(UUID.randomUUID().toString())
                .setFactoryId(factory.toString()).setTargetMoq(100).setGroupPrice(200_000).setPriceTier25(150_000)
                .setPriceTier50(135_000).setPriceTier75(120_000).setPriceTier100(105_000)
                .setEndTime(now.plus(Duration.ofDays(7))).setCreatedAt(now).build();
    }

    private static io.laku.contracts.fulfilment.PurchaseOrderCreated purchaseOrder(UUID session, UUID factory) {
        UUID po = UUID.randomUUID();
        return NotifiedEvents.purchaseOrder(session, factory, po, "PO-E2E-" + po.toString().substring(0, 8), "Tote Bag", 1,
                List.of(NotifiedEvents.line("Natural", 10, 4, 1)));
    }

}

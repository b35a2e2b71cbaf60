package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a customer reads in their in-app notices. */
final class Notices {

    private Notices() {
    }

    static List<Map<String, Object>> of(UUID user, String role) {
        return as(user, role).queryParam("size", 100).get(Platform.NOTIFICATIONS + "/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The messages of a user's notices of this kind, newest first, once there are this many. */
    static List<String> awaitMessages(UUID user, String role, String kind, int count) {
        return await(count + " " + kind + " notices of " + user).atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> of(user, role).stream().filter(n -> kind.equals(n.get("kind"))).map(n -> (String) n.get("message"))
                        .toList(), messages -> messages.size() >= count);
    }

    /** The message of the customer's newest notice of this kind, once there is one. */
    static String awaitMessage(UUID customer, String kind) {
        return await(kind + " notice of " + customer).atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> of(customer, "customer").stream().filter(n -> kind.equals(n.get("kind")))
                        .map(n -> (String) n.get("message")).findFirst().orElse(null), m -> m != null);
    }
}

package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** group-buying's saga endpoints refuse what they must, say why in problem+json, and change nothing. */
class SagaEndpointsIT {

    private final UUID factory = UUID.randomUUID();
    private final Products.Product hoodie = Products.premiumHoodie(factory);
    private final UUID session = Products.openSession(hoodie);

    @Test
    void productionCompleteIsTheSessionsFactorysOnceTheSessionIsConfirmed() {
        String path = Platform.GROUP_BUYING + "/api/group-buying/" + session + "/production-complete";
        Platform.anonymous().post(path).then().statusCode(401);
        as(UUID.randomUUID(), "customer").post(path).then().statusCode(403);
        as(UUID.randomUUID(), "admin").post(path).then().statusCode(403);
        as(UUID.randomUUID(), "factory").post(path).then().statusCode(403).contentType("application/problem+json");
        as(factory, "factory").post(Platform.GROUP_BUYING + "/api/group-buying/" + UUID.randomUUID()
                + "/production-complete").then().statusCode(404).contentType("application/problem+json");
        as(factory, "factory").post(path).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("session-not-confirmed"))
                .body("detail", org.hamcrest.Matchers.containsString("forming"));

        assertThat(Saga.session(session).getString("status")).isEqualTo("forming");
        assertThat(Saga.session(session).getString("fulfilment")).isNull();
        assertThat(Saga.timeline(session)).extracting(s -> s.get("step")).containsExactly("created");
    }

    @Test
    void theTimelineIsForTheFactoryItsParticipantsAndAdmins() {
        UUID customer = UUID.randomUUID();
        Products.joinAs(customer, session, hoodie.variant("M"), 5);
        String path = Platform.GROUP_BUYING + "/api/group-buying/" + session + "/timeline";

        Platform.anonymous().get(path).then().statusCode(401);
        as(UUID.randomUUID(), "customer").get(path).then().statusCode(403).contentType("application/problem+json");
        as(UUID.randomUUID(), "factory").get(path).then().statusCode(403);
        as(UUID.randomUUID(), "admin").get(Platform.GROUP_BUYING + "/api/group-buying/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(404).contentType("application/problem+json");
        for (var reader : List.of(as(customer, "customer"), as(factory, "factory"), as(UUID.randomUUID(), "admin"))) {
            List<Map<String, Object>> steps = reader.get(path).then().statusCode(200).extract().jsonPath().getList("steps");
            assertThat(steps).singleElement().satisfies(step -> {
                assertThat(step.get("step")).isEqualTo("created");
                assertThat((String) step.get("outcome")).startsWith("MOQ 100 units at Rp 200.000 per unit");
            });
        }
    }
}

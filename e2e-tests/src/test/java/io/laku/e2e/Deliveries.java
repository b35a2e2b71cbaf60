package io.laku.e2e;

import static io.laku.e2e.Platform.as;

import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Warehouse staff count deliveries against purchase orders (SPEC §7: receiving is the warehouse's act). */
final class Deliveries {

    /** A member of the warehouse staff (role {@code warehouse}). */
    static final UUID STAFF = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private Deliveries() {
    }

    /** {"lines": [{"variantId", "units"}...]} from units per variant id. */
    static Map<String, Object> counted(Map<String, Long> unitsByVariant) {
        List<Map<String, Object>> lines = new ArrayList<>();
        unitsByVariant.forEach((variant, units) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("variantId", variant);
            line.put("units", units);
            lines.add(line);
        });
        return Map.of("lines", lines);
    }

    /** Everything the purchase order (as the warehouse API shows it) ordered, per variant. */
    @SuppressWarnings("unchecked")
    static Map<String, Long> ordered(Map<String, Object> purchaseOrder) {
        Map<String, Long> units = new LinkedHashMap<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) purchaseOrder.get("lines")) {
            units.put((String) line.get("variantId"), ((Number) line.get("orderedUnits")).longValue());
        }
        return units;
    }

    /** Staff count a delivery of these units. */
    static ValidatableResponse receive(Object purchaseOrderId, Map<String, Long> unitsByVariant) {
        return receiveAs(STAFF, "warehouse", purchaseOrderId, unitsByVariant);
    }

    static ValidatableResponse receiveAs(UUID user, String role, Object purchaseOrderId, Map<String, Long> unitsByVariant) {
        return as(user, role).body(counted(unitsByVariant))
                .post(Platform.WAREHOUSE + "/api/warehouse/purchase-orders/" + purchaseOrderId + "/receive").then();
    }
}

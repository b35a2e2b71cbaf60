package io.laku.warehouse.support;

import io.laku.platform.eventing.PoisonEventException;
import java.util.UUID;

/** Reading an event's fields: an id that is not a UUID can never be applied, so the event is a dead letter. */
public final class EventFields {

    private EventFields() {
    }

    public static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}

package io.laku.platform.eventing;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** An event as a consumer sees it: its id, type and trace id from the headers, the decoded payload, and its record. */
public record InboundEvent(UUID id, String type, String traceId, SpecificRecord payload, EventRecord record) {

    public String key() {
        return record.key();
    }

    @Override
    public String toString() {
        return type + " " + id + " (" + record.position() + ")";
    }
}

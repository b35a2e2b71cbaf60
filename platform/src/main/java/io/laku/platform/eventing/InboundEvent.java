package io.laku.platform.eventing;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** An event as a consumer sees it: its id, type and trace id from the headers, and the decoded payload. */
public record InboundEvent(UUID id, String type, String traceId, String key, SpecificRecord payload,
        String topic, int partition, long offset) {

    @Override
    public String toString() {
        return type + " " + id + " (" + topic + "-" + partition + "@" + offset + ")";
    }
}

package io.laku.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event catalogue as an AsyncAPI 3 document, built from {@link EventCatalog} and the Avro schemas (never by
 * hand): one channel per topic, one message per event type with its Avro schema, Kafka key and headers, one
 * {@code send} operation per owning service and one {@code receive} operation per consuming service and topic.
 */
public final class AsyncApiDocument {

    static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    public static ObjectNode build() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Laku events");
        info.put("version", "1.0.0");
        info.put("description", "Every fact a Laku service decides, as published on Kafka. Values are Avro binary in the "
                + "registry framing (magic byte 0, the schema's 4-byte Apicurio content id, the record); schemas are in the "
                + "registry, group laku, artifact id = the record's full name, BACKWARD compatible. Generated from "
                + "contracts/avro and EventCatalog: do not edit.");
        doc.put("defaultContentType", "avro/binary");

        ObjectNode local = doc.putObject("servers").putObject("local");
        local.put("host", "127.0.0.1:19092");
        local.put("protocol", "kafka");
        local.put("description", "./laku up (LAKU_KAFKA_PORT)");
        ObjectNode serverBinding = local.putObject("bindings").putObject("kafka");
        serverBinding.put("schemaRegistryUrl", "http://127.0.0.1:18081/apis/registry/v3");
        serverBinding.put("schemaRegistryVendor", "apicurio");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("schemas").set("LakuHeaders", headers());

        for (EventCatalog.Aggregate aggregate : EventCatalog.Aggregate.values()) {
            List<Class<? extends SpecificRecord>> events = eventsOf(aggregate);
            if (events.isEmpty()) {
                continue;
            }
            ObjectNode channel = channels.putObject(aggregate.topic());
            channel.put("address", aggregate.topic());
            channel.put("title", aggregate.type());
            channel.put("description", "Published by " + aggregate.owner() + ". Key: the " + aggregate.keyedBy()
                    + ", so one " + aggregate.keyedBy().replace(" id", "") + "'s events are in order on one partition.");
            ObjectNode channelMessages = channel.putObject("messages");
            for (Class<? extends SpecificRecord> event : events) {
                String name = EventCatalog.schemaOf(event).getName();
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                messages.set(name, message(event, aggregate));
            }

            ObjectNode send = operations.putObject(aggregate.owner() + ".sends." + aggregate.topic());
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + aggregate.topic());
            send.put("title", aggregate.owner() + " publishes on " + aggregate.topic() + " (through its outbox)");
            ArrayNode sent = send.putArray("messages");
            events.forEach(e -> sent.addObject().put("$ref", messageRef(aggregate, e)));

            Map<String, List<Class<? extends SpecificRecord>>> byConsumer = new TreeMap<>();
            for (Class<? extends SpecificRecord> event : events) {
                for (EventCatalog.Reaction reaction : EventCatalog.consumersOf(event)) {
                    byConsumer.computeIfAbsent(reaction.service(), s -> new java.util.ArrayList<>()).add(event);
                }
            }
            byConsumer.forEach((service, consumed) -> {
                ObjectNode receive = operations.putObject(service + ".receives." + aggregate.topic());
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + aggregate.topic());
                receive.put("title", service + " consumes " + aggregate.topic() + " (consumer group " + service + ")");
                receive.put("description", String.join("; ", consumed.stream().map(e -> EventCatalog.schemaOf(e).getName()
                        + ": " + effectOf(e, service)).toList()));
                ArrayNode received = receive.putArray("messages");
                consumed.forEach(e -> received.addObject().put("$ref", messageRef(aggregate, e)));
                receive.putObject("bindings").putObject("kafka").putObject("groupId").put("type", "string")
                        .putArray("enum").add(service);
            });
        }
        return doc;
    }

    private static ObjectNode message(Class<? extends SpecificRecord> event, EventCatalog.Aggregate aggregate) {
        Schema schema = EventCatalog.schemaOf(event);
        ObjectNode message = JSON.createObjectNode();
        message.put("name", schema.getName());
        message.put("title", schema.getName());
        if (schema.getDoc() != null) {
            message.put("summary", schema.getDoc());
        }
        message.put("contentType", "avro/binary");
        message.putObject("headers").put("$ref", "#/components/schemas/LakuHeaders");
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", AVRO_FORMAT);
        try {
            payload.set("schema", JSON.readTree(schema.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Avro wrote a schema Jackson cannot read: " + schema.getFullName(), e);
        }
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", "the " + aggregate.keyedBy());
        kafka.put("schemaIdLocation", "payload");
        message.put("x-owner", aggregate.owner());
        message.put("x-registry-artifact", "laku/" + schema.getFullName());
        ArrayNode consumers = message.putArray("x-consumers");
        EventCatalog.consumersOf(event).stream().sorted(Comparator.comparing(EventCatalog.Reaction::service))
                .forEach(r -> consumers.addObject().put("service", r.service()).put("effect", r.effect()));
        return message;
    }

    private static ObjectNode headers() {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.putArray("required").add("id").add("eventType");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("id").put("type", "string").put("format", "uuid")
                .put("description", "The event id, unique per event: consumers deduplicate on it (their inbox)");
        properties.putObject("eventType").put("type", "string")
                .put("description", "The record's simple name, e.g. SessionCreated");
        properties.putObject("traceId").put("type", "string")
                .put("description", "The trace of the flow that caused the event (log it)");
        return headers;
    }

    private static String effectOf(Class<? extends SpecificRecord> event, String service) {
        return EventCatalog.consumersOf(event).stream().filter(r -> r.service().equals(service))
                .map(EventCatalog.Reaction::effect).findFirst().orElse("");
    }

    private static String messageRef(EventCatalog.Aggregate aggregate, Class<? extends SpecificRecord> event) {
        return "#/channels/" + aggregate.topic() + "/messages/" + EventCatalog.schemaOf(event).getName();
    }

    private static List<Class<? extends SpecificRecord>> eventsOf(EventCatalog.Aggregate aggregate) {
        TreeSet<Class<? extends SpecificRecord>> events = new TreeSet<>(Comparator.comparing(Class::getSimpleName));
        EventCatalog.events().forEach((event, of) -> {
            if (of == aggregate) {
                events.add(event);
            }
        });
        return List.copyOf(events);
    }
}

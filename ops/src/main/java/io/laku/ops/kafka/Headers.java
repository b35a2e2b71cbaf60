package io.laku.ops.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading Laku's string headers ({@code id}, {@code eventType}, {@code traceId}, SmallRye's {@code dead-letter-*}). */
public final class Headers {

    private Headers() {
    }

    public static String get(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        // Connect's SimpleHeaderConverter writes strings as-is; a JSON converter would quote them
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}

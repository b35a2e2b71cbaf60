package io.laku.ops.kafka;

import io.laku.ops.cli.Output;
import io.laku.ops.cli.Progress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads exactly the given offset ranges ({@code [from, to)} per partition) on one throwaway consumer, in
 * parallel across partitions, each partition paused as soon as it reaches its end. Records are handed over as
 * raw bytes: deciding what to keep costs a byte comparison, and only what is kept is ever decoded.
 */
public final class RangeScan {

    /** A partition's range: from (inclusive) to (exclusive). */
    public record Range(long from, long to) {
        public long size() {
            return Math.max(0, to - from);
        }
    }

    private RangeScan() {
    }

    /** @return how many records were read */
    public static long scan(Kafka kafka, Map<TopicPartition, Range> ranges, Output output, String what,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Range> todo = new HashMap<>();
        ranges.forEach((p, r) -> {
            if (r.size() > 0) {
                todo.put(p, r);
            }
        });
        if (todo.isEmpty()) {
            return 0;
        }
        long total = todo.values().stream().mapToLong(Range::size).sum();
        long[] read = {0};
        Progress progress = new Progress(output, () -> String.format("%s: %,d of %,d records read (%d%%)", what, read[0],
                total, read[0] * 100 / total));
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.throwawayConsumer()) {
            consumer.assign(todo.keySet());
            todo.forEach((p, r) -> consumer.seek(p, r.from()));
            Set<TopicPartition> open = new HashSet<>(todo.keySet());
            while (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (open.contains(p) && record.offset() < todo.get(p).to()) {
                        read[0]++;
                        each.accept(record);
                    }
                }
                List<TopicPartition> done = open.stream().filter(p -> consumer.position(p) >= todo.get(p).to()).toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                    done.forEach(open::remove);
                }
                progress.tick();
            }
        }
        return read[0];
    }

    /** Whether {@code needle} occurs in {@code haystack} (Avro writes strings as their UTF-8 bytes, unescaped). */
    public static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null || needle.length == 0 || haystack.length < needle.length) {
            return false;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        for (int i = 0; i <= last; i++) {
            if (haystack[i] == first
                    && java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}

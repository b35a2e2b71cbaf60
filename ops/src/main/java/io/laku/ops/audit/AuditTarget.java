package io.laku.ops.audit;

import io.laku.ops.cli.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/** The aggregate an audit tells the story of. */
public record AuditTarget(Kind kind, UUID id) {

    public enum Kind {
        /** Its events are keyed by its id on every topic (payment, fulfilment and order events too). */
        SESSION(false),
        /** Keyed on laku.product; sessions, reservations and purchase orders name it in their payload. */
        PRODUCT(true),
        /** Keyed on laku.wallet; joins, payments, refunds and orders name the user in their payload. */
        USER(true);

        private final boolean namedInOthersPayloads;

        Kind(boolean namedInOthersPayloads) {
            this.namedInOthersPayloads = namedInOthersPayloads;
        }

        /** Whether events keyed by other aggregates are about this kind too (found by a payload scan). */
        public boolean namedInOthersPayloads() {
            return namedInOthersPayloads;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String word) {
            return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst()
                    .orElseThrow(() -> new UsageException("cannot audit '" + word + "': audit session <id>, product <id> or user <id>"));
        }
    }

    public String key() {
        return id.toString();
    }
}

package io.laku.platform.eventing;

/** What a consumer did with one record. */
public record Outcome(EventRecord record, String eventId, String eventType, Result result, String reason) {

    public enum Result {
        /** The effect happened now. */
        APPLIED,
        /** The inbox says this consumer applied the event before: nothing changed. */
        ALREADY_APPLIED,
        /** A dry run found it not applied yet: it would be applied. */
        WOULD_APPLY,
        /** Not an event type this consumer applies (skipped from its header, not decoded). */
        NOT_HANDLED,
        /** It can never be applied as it is; {@link #reason} says why. */
        POISON
    }

    static Outcome of(EventRecord record, String eventId, String eventType, Result result) {
        return new Outcome(record, eventId, eventType, result, null);
    }

    static Outcome poison(EventRecord record, String eventId, String eventType, String reason) {
        return new Outcome(record, eventId, eventType, Result.POISON, reason);
    }
}

package io.laku.platform.eventing;

/**
 * A service's consumer of one channel: which events it applies, and how. A listener is a few lines:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SessionEventsListener implements EventListener {
 *     static final String CHANNEL = "session-events";
 *     @Inject EventConsumer events;
 *     @Inject Escrow escrow;
 *
 *     public String channel() { return CHANNEL; }
 *
 *     public EventHandlers handlers() {
 *         return new EventHandlers()
 *                 .on(ParticipantJoined.class, escrow::joined)
 *                 .on(SessionConfirmed.class, escrow::confirmed);
 *     }
 *
 *     @Incoming(CHANNEL)
 *     public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
 *         return events.consume(this, batch);
 *     }
 * }
 * }</pre>
 *
 * The consumer's name (its inbox key and its metrics tag) is {@code <service>.<channel>}. Events of other types
 * are skipped from their {@code eventType} header, never decoded.
 */
public interface EventListener {

    /** The incoming channel ({@code mp.messaging.incoming.<channel>.*}) the listener consumes. */
    String channel();

    /** Called once; the handlers may use the listener's injected beans. */
    EventHandlers handlers();
}

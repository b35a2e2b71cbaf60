package io.laku.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The simulated WhatsApp Cloud API's state (in memory): every accepted message, and the injected faults. */
@ApplicationScoped
public class WhatsAppInbox {

    /** A message the simulator accepted, as tests and developers read it back. */
    public record Message(String id, String phoneNumberId, String to, String body, Instant receivedAt) {
    }

    /** Fail the next {@code failNext} sends (only those to {@code to}, when set) with HTTP {@code status}. */
    public record Faults(int failNext, int status, String to) {
    }

    private final List<Message> messages = new ArrayList<>();
    private Faults faults = new Faults(0, 500, null);

    public synchronized Message record(String phoneNumberId, String to, String body) {
        Message message = new Message("wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase(),
                phoneNumberId, to, body, Instant.now());
        messages.add(message);
        return message;
    }

    /** Recorded messages, oldest first; only those to {@code to} (digits, with or without +) when given. */
    public synchronized List<Message> messages(String to) {
        String digits = to == null || to.isBlank() ? null : to.strip().replaceFirst("^\\+", "");
        return messages.stream().filter(m -> digits == null || m.to().equals(digits)).toList();
    }

    public synchronized Faults faults() {
        return faults;
    }

    public synchronized Faults setFaults(Faults next) {
        faults = next;
        return faults;
    }

    /** The status to fail this send with, or 0 to accept it; uses up one injected fault. */
    public synchronized int takeFault(String to) {
        if (faults.failNext() <= 0 || (faults.to() != null && !faults.to().replaceFirst("^\\+", "").equals(to))) {
            return 0;
        }
        faults = new Faults(faults.failNext() - 1, faults.status(), faults.to());
        return faults.status();
    }

}

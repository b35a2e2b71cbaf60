package io.laku.gateway;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The simulated Disbursement API's state (in memory): every disbursement, the idempotency keys used, the armed faults,
 * and the callbacks. A disbursement is PENDING when made and settles (COMPLETED, or FAILED with a failure code) after
 * {@code gateway.disbursement.settle-after}, then its callback goes out.
 */
@ApplicationScoped
public class Disbursements {

    private static final Logger LOG = Logger.getLogger(Disbursements.class);

    @ConfigProperty(name = "gateway.disbursement.callback-url")
    String callbackUrl;

    @ConfigProperty(name = "gateway.disbursement.settle-after")
    Duration settleAfter;

    @Inject
    CallbackSender callbacks;

    /**
     * Faults for the next requests (only those to {@code accountNumber}, when set): {@code rejectNext} requests answer
     * HTTP {@code rejectStatus} and make nothing; {@code dropNext} requests make the disbursement but answer 504 (the
     * answer is lost); {@code failNext} disbursements settle FAILED with {@code failureCode}.
     */
    public record Faults(int rejectNext, int rejectStatus, int dropNext, int failNext, String failureCode,
            String accountNumber) {
        static final Faults NONE = new Faults(0, 503, 0, 0, "TEMPORARY_BANK_NETWORK_ERROR", null);
    }

    /** What a create request gets: the disbursement, or the HTTP error it is answered with. */
    public record Created(Disbursement disbursement, int errorStatus, String errorCode, String errorMessage) {
    }

    private final Map<String, Disbursement> byId = new LinkedHashMap<>();
    private final Map<String, String> idByIdempotencyKey = new LinkedHashMap<>();
    private Faults faults = Faults.NONE;

    public synchronized Created create(String idempotencyKey, String externalId, long amount, String bankCode,
            String accountHolderName, String accountNumber, String description) {
        if (idempotencyKey != null && idByIdempotencyKey.containsKey(idempotencyKey)) {
            return new Created(null, 400, "DUPLICATE_TRANSACTION_ERROR", "Idempotency key has been used before");
        }
        boolean targeted = faults.accountNumber() == null || faults.accountNumber().equals(accountNumber);
        if (targeted && faults.rejectNext() > 0) {
            faults = new Faults(faults.rejectNext() - 1, faults.rejectStatus(), faults.dropNext(), faults.failNext(),
                    faults.failureCode(), faults.accountNumber());
            LOG.infof("Disbursement %s refused with injected fault HTTP %d", externalId, faults.rejectStatus());
            return new Created(null, faults.rejectStatus(), "SERVER_ERROR", "Service temporarily unavailable (injected fault)");
        }
        String failWith = null;
        if (targeted && faults.failNext() > 0) {
            failWith = faults.failureCode();
            faults = new Faults(faults.rejectNext(), faults.rejectStatus(), faults.dropNext(), faults.failNext() - 1,
                    faults.failureCode(), faults.accountNumber());
        }
        Instant now = Instant.now();
        String id = "disb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Disbursement made = new Disbursement(id, externalId, "laku", amount, bankCode, accountHolderName, accountNumber,
                description, "PENDING", null, false, now, now, failWith);
        byId.put(id, made);
        if (idempotencyKey != null) {
            idByIdempotencyKey.put(idempotencyKey, id);
        }
        LOG.infof("Disbursement %s of %d to %s %s for %s%s", id, amount, bankCode, accountNumber, externalId,
                failWith == null ? "" : " (will fail: " + failWith + ")");
        if (targeted && faults.dropNext() > 0) {
            faults = new Faults(faults.rejectNext(), faults.rejectStatus(), faults.dropNext() - 1, faults.failNext(),
                    faults.failureCode(), faults.accountNumber());
            LOG.infof("Disbursement %s made, its answer dropped (injected fault)", id);
            return new Created(null, 504, "SERVER_ERROR", "Gateway timeout (injected fault: the disbursement was made)");
        }
        return new Created(made, 0, null, null);
    }

    public synchronized Optional<Disbursement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized List<Disbursement> byExternalId(String externalId) {
        return byId.values().stream().filter(d -> d.externalId().equals(externalId)).toList();
    }

    /** Every disbursement, oldest first; only those to {@code accountNumber} when given. */
    public synchronized List<Disbursement> all(String accountNumber) {
        return byId.values().stream().filter(d -> accountNumber == null || accountNumber.equals(d.accountNumber()))
                .toList();
    }

    public synchronized Faults faults() {
        return faults;
    }

    public synchronized Faults setFaults(Faults next) {
        faults = next;
        return faults;
    }

    @Scheduled(every = "0.25s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleDue() {
        Instant due = Instant.now().minus(settleAfter);
        List<Disbursement> settled = new ArrayList<>();
        synchronized (this) {
            for (Disbursement d : List.copyOf(byId.values())) {
                if (d.status().equals("PENDING") && !d.created().isAfter(due)) {
                    Disbursement done = d.settled(Instant.now());
                    byId.put(d.id(), done);
                    settled.add(done);
                }
            }
        }
        settled.forEach(d -> {
            LOG.infof("Disbursement %s %s%s", d.id(), d.status(), d.failureCode() == null ? "" : " " + d.failureCode());
            callbacks.send(callbackUrl, callbackBody(d));
        });
    }

    /** The callback body Xendit sends for a disbursement. */
    static Map<String, Object> callbackBody(Disbursement d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", d.id());
        body.put("created", d.created().toString());
        body.put("updated", d.updated().toString());
        body.put("external_id", d.externalId());
        body.put("user_id", d.userId());
        body.put("amount", d.amount());
        body.put("bank_code", d.bankCode());
        body.put("account_holder_name", d.accountHolderName());
        body.put("disbursement_description", d.description());
        body.put("status", d.status());
        if (d.failureCode() != null) {
            body.put("failure_code", d.failureCode());
        }
        body.put("is_instant", d.instant());
        return body;
    }
}

package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unhappy world an operator lives in, against the real processes: the database, the broker and the registry
 * briefly away, and every service stopped gracefully mid-saga as a deploy does. Each drill runs flow (b) (three
 * buyers, no stock, a purchase order) and asserts that the saga still ends in {@code success} with exact money
 * (wallets, ledger, escrow 0, the ledger's own checks), one order per participant, each notice once, one WhatsApp
 * message, and nothing in any dead-letter topic. (Connect restarting while the 1,000-participant outcome streams is
 * in {@link LargeSessionIT}; SIGKILL of each service in {@link SagaRecoveryIT}.)
 */
class FaultDrillsIT {

    private Instant start;
    private String down;

    @BeforeEach
    void markTheStart() {
        start = Instant.now();
    }

    @AfterEach
    void startWhateverIsDown() {
        if (down != null) {
            Stack.start(down); // a failed assertion must not leave the stack short of a part
        }
    }

    @Test
    void postgresFastShutdownForFiveSecondsRightAfterAnExpiry() throws Exception {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        outage("postgres", Duration.ofSeconds(5));
        finish(flow, "postgres down 5 s");
    }

    @Test
    void theKafkaBrokerRestartsMidSaga() throws Exception {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        outage("kafka", Duration.ZERO);
        finish(flow, "kafka restart");
    }

    @Test
    void theRegistryIsDownForTenSecondsWhileAServiceRestarts() throws Exception {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        stop("registry");
        Stack.stop("payment");
        // payment's start waits for the registry (it registers its schemas before it takes traffic)
        CompletableFuture<Void> paymentBack = CompletableFuture.runAsync(() -> Stack.start("payment"));
        Thread.sleep(10_000); // the outage itself
        start("registry");
        paymentBack.get();
        finish(flow, "registry down 10 s while payment restarts");
    }

    /** A rolling deploy: each service in turn stops gracefully (SIGTERM) while the saga runs, and starts again. */
    @Test
    void everyServiceStopsGracefullyMidSagaAndStartsAgain() throws Exception {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        for (String service : List.of("payment", "wallet", "warehouse", "group-buying", "notifications")) {
            stop(service);
            start(service);
        }
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();
        flow.receive();
        stop("order"); // while the delivery's StockReserved is on its way
        flow.awaitStockReserved();
        start("order");
        succeed(flow, "rolling restart of every service", System.nanoTime());
    }

    private void outage(String part, Duration length) throws InterruptedException {
        stop(part);
        Thread.sleep(length.toMillis()); // the outage itself, not a wait for a result
        start(part);
    }

    private void stop(String part) {
        Stack.stop(part);
        down = part;
    }

    private void start(String part) {
        Stack.start(part);
        down = null;
    }

    private void finish(NoStockFlow flow, String drill) {
        long t0 = System.nanoTime();
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();
        flow.receive();
        flow.awaitStockReserved();
        succeed(flow, drill, t0);
    }

    private void succeed(NoStockFlow flow, String drill, long t0) {
        flow.awaitOrdersAndCompleteProduction();
        flow.awaitSuccessWithExactMoney();
        System.out.printf("%s: from the fault's end to success in %d ms (with the factory's steps)%n", drill,
                (System.nanoTime() - t0) / 1_000_000);
        Money.assertEscrowSettled(flow.session.toString());
        flow.assertTimeline();
        flow.assertNoticesOnce();
        assertThat(Saga.orders(flow.session)).hasSize(3);
        assertThat(Saga.purchaseOrders(flow.session)).hasSize(1);
        assertThat(DeadLetters.since(start)).as("dead letters of the drill").isEmpty();
    }
}

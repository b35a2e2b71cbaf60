package io.laku.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Flow (b) with one service crashing in the middle (SIGKILL of the real process) and started again: the saga
 * still ends in success with exact sums, and nothing happens twice (one purchase order, one order per
 * participant, one refund each, one notice of each kind, one WhatsApp message).
 */
class SagaRecoveryIT {

    private String killed;

    @AfterEach
    void restartWhateverIsDown() {
        if (killed != null) {
            Stack.start(killed); // a failed assertion must not leave the stack short of a service
        }
    }

    @Test
    void groupBuyingCrashesAfterTheOutcome() {
        crashAfterExpiry("group-buying");
    }

    @Test
    void paymentCrashesAfterTheOutcome() {
        crashAfterExpiry("payment");
    }

    @Test
    void walletCrashesAfterTheOutcome() {
        crashAfterExpiry("wallet");
    }

    @Test
    void warehouseCrashesAfterTheOutcome() {
        crashAfterExpiry("warehouse");
    }

    @Test
    void notificationsCrashesAfterTheOutcome() {
        crashAfterExpiry("notifications");
    }

    @Test
    void orderCrashesAfterTheDelivery() {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();
        flow.receive();
        crash("order");
        flow.awaitStockReserved(); // the warehouse goes on while order is down
        restart();
        finish(flow);
    }

    /** The service dies right after the session's outcome is published, while the others go on. */
    private void crashAfterExpiry(String service) {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        crash(service);
        if (service.equals("payment") || service.equals("wallet")) {
            Saga.purchaseOrderOf(flow.session); // the warehouse goes on meanwhile
        } else {
            flow.awaitRefunds(); // payment and wallet go on meanwhile
        }
        restart();
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();
        flow.receive();
        flow.awaitStockReserved();
        finish(flow);
    }

    private static void finish(NoStockFlow flow) {
        flow.awaitOrdersAndCompleteProduction();
        flow.awaitSuccessWithExactMoney();
        flow.assertTimeline();
        flow.assertNoticesOnce();
        org.assertj.core.api.Assertions.assertThat(Saga.orders(flow.session)).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(Saga.purchaseOrders(flow.session)).hasSize(1);
    }

    private void crash(String service) {
        Stack.kill(service);
        killed = service;
    }

    private void restart() {
        Stack.start(killed);
        killed = null;
    }
}

package io.laku.payment.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's own checks of one session's escrow, beyond "debits equal credits": that money went to the right party.
 * Plain Java over what the ledger and the payments say, unit-tested.
 *
 * <ul>
 *   <li>every refund left this session's escrow for the wallet of a seat of this session;</li>
 *   <li>no seat got back more than it paid in;</li>
 *   <li>once the outcome is complete, a seat outside it (dropped, left, paid late) holds nothing in escrow, and a
 *       confirmed seat holds exactly its final amount;</li>
 *   <li>a release went to the session's own factory and is exactly what the confirmed seats hold: it never includes
 *       money of a seat outside the outcome.</li>
 * </ul>
 */
public final class EscrowAudit {

    /** One seat's money as the ledger holds it. */
    public record Seat(UUID paymentId, UUID participantId, long paidIn, long refunded, String seatOutcome,
            Long finalAmount, boolean refundsFromThisEscrow) {

        long held() {
            return paidIn - refunded;
        }
    }

    /** A release entry: where it went and how much. */
    public record Release(String creditAccount, long amount) {
    }

    private EscrowAudit() {
    }

    /** @return what is wrong, empty when the session's escrow is right */
    public static List<String> violations(UUID sessionId, UUID factoryId, boolean outcomeComplete, List<Seat> seats,
            List<Release> releases) {
        List<String> wrong = new ArrayList<>();
        long confirmedHeld = 0;
        for (Seat seat : seats) {
            if (!seat.refundsFromThisEscrow()) {
                wrong.add("a refund of payment " + seat.paymentId() + " left another session's escrow");
            }
            if (seat.refunded() > seat.paidIn()) {
                wrong.add("payment " + seat.paymentId() + " got back " + seat.refunded() + " of " + seat.paidIn()
                        + " paid in");
            }
            if (outcomeComplete) {
                boolean confirmed = "confirmed".equals(seat.seatOutcome());
                long shouldHold = confirmed && seat.finalAmount() != null ? seat.finalAmount() : 0;
                if (seat.paidIn() > 0 && seat.held() != shouldHold) {
                    wrong.add("seat " + seat.participantId() + " (" + (seat.seatOutcome() == null ? "outside the outcome"
                            : seat.seatOutcome()) + ") holds " + seat.held() + " in escrow, should hold " + shouldHold);
                }
                if (confirmed) {
                    confirmedHeld += seat.held();
                }
            }
        }
        long released = 0;
        String payable = Accounts.factoryPayable(factoryId);
        for (Release release : releases) {
            released += release.amount();
            if (!payable.equals(release.creditAccount())) {
                wrong.add("escrow of session " + sessionId + " was released to " + release.creditAccount()
                        + ", not to its factory's " + payable);
            }
        }
        if (!releases.isEmpty() && released != confirmedHeld) {
            wrong.add("released " + released + " but the confirmed seats hold " + confirmedHeld
                    + ": the release includes money of seats outside the outcome");
        }
        return wrong;
    }
}

package io.laku.settlement.ledger;

/** A movement that would put money with a party it does not belong to (or take it from one). Nothing is written. */
public class WrongPartyException extends IllegalArgumentException {

    public WrongPartyException(String message) {
        super(message);
    }
}

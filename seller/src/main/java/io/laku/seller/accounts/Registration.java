package io.laku.seller.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a seller registration (SPEC §8), checked by Bean Validation before anything is read or written. */
public record Registration(
        @NotBlank @Size(max = 100) String storeName,
        @NotBlank @Pattern(regexp = "\\+?[0-9]{8,15}", message = "must be a phone number, 8 to 15 digits") String phone,
        @NotNull @Valid BankAccount bankAccount) {

    public record BankAccount(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,19}", message = "must be a bank code such as BCA or BNI") String bankCode,
            @NotBlank @Pattern(regexp = "[0-9]{5,20}", message = "must be 5 to 20 digits") String accountNumber,
            @NotBlank @Size(max = 100) String accountHolderName) {
    }

    /** An admin's verification: the platform fee, default 500 basis points. */
    public record Verification(Integer feeBps) {
    }

    public record Suspension(@Size(max = 500) String reason) {
    }
}

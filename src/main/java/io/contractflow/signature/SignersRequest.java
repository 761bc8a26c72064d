package io.contractflow.signature;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Who is to sign a contract: one to ten signers and the mode, and optionally the signature provider
 * (e.g. {@code docusign}; the platform's default if not given).
 */
record SignersRequest(
    @NotNull SigningMode mode,
    @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Entry> signers,
    @Size(max = 40) String provider) {

  /**
   * One signer; in SEQUENTIAL mode the lower {@code order} signs first, equal numbers sign side by
   * side.
   */
  record Entry(
      @NotBlank @Size(max = 200) @PlainText String name,
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Min(1) @Max(10) Integer order) {}
}

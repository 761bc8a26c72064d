package io.contractflow.counterparty;

import io.contractflow.platform.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A counterparty as a client creates or replaces it. */
record CounterpartyRequest(
    @NotBlank @Size(max = 200) @PlainText String name,
    @Size(max = 200) @PlainText String contactName,
    @NotBlank @Size(max = 254) @Email String contactEmail) {}

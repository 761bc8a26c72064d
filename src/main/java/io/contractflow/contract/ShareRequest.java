package io.contractflow.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Share a contract with a user or a group, to view or to edit. */
record ShareRequest(
    @NotNull ContractShare.PrincipalType principalType,
    @NotBlank @Size(max = 64) String principalId,
    @NotNull ContractShare.Permission permission) {}

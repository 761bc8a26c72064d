package io.contractflow.contract;

import java.time.Instant;

/** One share of a contract. */
record ShareResponse(
    ContractShare.PrincipalType principalType,
    String principalId,
    ContractShare.Permission permission,
    String grantedBy,
    Instant grantedAt) {

  static ShareResponse of(ContractShare s) {
    return new ShareResponse(
        s.principalType(), s.principalId(), s.permission(), s.grantedBy(), s.grantedAt());
  }
}

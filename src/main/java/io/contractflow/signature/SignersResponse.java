package io.contractflow.signature;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A contract's signers as the API shows them; {@code configured} is false while the owner has set
 * none and the counterparty's contact would sign alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignersResponse(
    SigningMode mode,
    List<SignersRequest.Entry> signers,
    boolean configured,
    String provider,
    String updatedBy,
    Instant updatedAt) {}

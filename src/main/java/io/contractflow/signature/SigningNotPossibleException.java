package io.contractflow.signature;

/**
 * A signing step cannot be taken as the contract stands (no PDF to sign, no signer known, not
 * everyone has signed yet). Retrying will not help until someone changes the contract: the process
 * should show it as an incident.
 */
public class SigningNotPossibleException extends RuntimeException {

  public SigningNotPossibleException(String message) {
    super(message);
  }
}

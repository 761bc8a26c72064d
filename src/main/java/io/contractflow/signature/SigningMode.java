package io.contractflow.signature;

/**
 * In which order signers sign. SEQUENTIAL: by ascending {@code order}, signers who share an order
 * number sign side by side; a signer's link works for reading from the start but signing waits for
 * their turn. PARALLEL: everyone at once, the order is only for display.
 */
public enum SigningMode {
  SEQUENTIAL,
  PARALLEL
}

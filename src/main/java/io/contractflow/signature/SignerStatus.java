package io.contractflow.signature;

/**
 * Where one signer stands. PENDING until they sign or decline; EXPIRED and CANCELLED when the
 * request closed before they acted (it expired, was cancelled, or someone else declined).
 */
public enum SignerStatus {
  PENDING,
  SIGNED,
  DECLINED,
  EXPIRED,
  CANCELLED
}

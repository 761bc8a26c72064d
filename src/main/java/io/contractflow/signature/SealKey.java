package io.contractflow.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The platform's seal: the private key that signs completed documents and its certificate chain,
 * the signing certificate first.
 */
record SealKey(PrivateKey privateKey, List<X509Certificate> chain) {

  SealKey {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("A seal key needs its certificate");
    }
    chain = List.copyOf(chain);
  }

  X509Certificate certificate() {
    return chain.get(0);
  }
}

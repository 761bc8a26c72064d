package io.contractflow.signature;

/**
 * The kinds of entries in a signer's own trail ({@code signing_signer_event}): how the signer
 * proved their address and what happened to their link. The certificate of completion lists them
 * with these labels. (A contract's audit trail has its kinds in {@code audit.AuditKinds}; these
 * stay here because {@code audit} already depends on {@code signature}.)
 */
public enum SignerEventKind {
  CODE_SENT("code sent"),
  CODE_WRONG("wrong code"),
  CODE_VOIDED("code void"),
  VERIFIED("address verified"),
  LINK_REISSUED("link sent again");

  private final String label;

  SignerEventKind(String label) {
    this.label = label;
  }

  /**
   * The certificate's words for an entry of this kind (the kind itself, lower case, if it is none
   * of these).
   */
  public static String label(String kind) {
    for (SignerEventKind known : values()) {
      if (known.name().equals(kind)) {
        return known.label;
      }
    }
    return kind.toLowerCase();
  }
}

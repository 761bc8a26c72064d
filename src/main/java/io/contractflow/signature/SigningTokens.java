package io.contractflow.signature;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Signers' link tokens: 256 random bits from {@link SecureRandom}, base64url without padding (43
 * characters). Only a token's SHA-256 is looked up, so the database never compares secrets, and a
 * token that could not have been issued is refused before any lookup.
 */
final class SigningTokens {

  static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningTokens() {}

  static String newToken() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the string has the shape of an issued token. */
  static boolean wellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  /** The hex SHA-256 by which a token is stored and found. */
  static String hash(String token) {
    return SigningHashes.sha256(token.getBytes(StandardCharsets.US_ASCII));
  }
}

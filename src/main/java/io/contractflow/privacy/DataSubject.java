package io.contractflow.privacy;

import io.contractflow.platform.privacy.PersonalTerms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The person a request is about, as far as the platform knows them: their user id (if they are a
 * user), their addresses and the names stored with them (the identity's, a counterparty contact's,
 * a signer's).
 *
 * @param asked what the request named them by ({@code email:...} or {@code user:...}), normalised
 */
record DataSubject(String asked, String userId, List<String> emails, List<String> names) {

  /** What the person's terms become when erased; the user id becomes {@code pseudonym}. */
  PersonalTerms terms(String pseudonym) {
    return PersonalTerms.of(userId, pseudonym, emails, names);
  }

  /** The terms for finding the person (the user id stays as it is). */
  PersonalTerms terms() {
    return terms(null);
  }

  /** The SHA-256 of what the request named them by: the record holds no more. */
  String digest() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(asked.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}

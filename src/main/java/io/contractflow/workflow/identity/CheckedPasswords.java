package io.contractflow.workflow.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.contractflow.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic passwords that the identity store accepted a moment ago, with the authorities they
 * gave (Caffeine, expiring after {@code contractflow.security.basic-auth.trust-for}). The key is an
 * HMAC of the user and password under a random key of this process, so neither a heap dump nor a
 * timing of the map reveals a password; a wrong password is never stored. A change of users,
 * groups, memberships or authorizations through the engine ({@link IdentityChangeLog}) forgets
 * every remembered check at once; the expiry bounds what the engine does not report (a change made
 * without a signed-in user, another node's change: at most {@code trust-for} late).
 */
@Component
class CheckedPasswords {

  private final Cache<String, List<GrantedAuthority>> accepted;
  private final SecretKeySpec key;

  @Autowired
  CheckedPasswords(SecurityProperties security) {
    this(security.basicAuth());
  }

  CheckedPasswords(SecurityProperties.BasicAuth settings) {
    this.accepted =
        settings.trustFor().isZero() || settings.trustFor().isNegative()
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(settings.trustFor())
                .maximumSize(settings.maxRemembered())
                .build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The authorities of a recent successful check of exactly this user and password. */
  Optional<List<GrantedAuthority>> recall(String username, String password) {
    return accepted == null
        ? Optional.empty()
        : Optional.ofNullable(accepted.getIfPresent(fingerprint(username, password)));
  }

  /** Remembers a successful check. */
  void remember(String username, String password, List<GrantedAuthority> authorities) {
    if (accepted != null) {
      accepted.put(fingerprint(username, password), List.copyOf(authorities));
    }
  }

  /** Forgets every remembered check: the next request of each user is checked again. */
  void forgetAll() {
    if (accepted != null) {
      accepted.invalidateAll();
    }
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return username
          + ":"
          + HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}

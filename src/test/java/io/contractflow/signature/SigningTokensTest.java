package io.contractflow.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigningTokensTest {

  @Test
  void tokensAre256RandomBitsInBase64Url() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = SigningTokens.newToken();
      assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
      assertThat(SigningTokens.wellFormed(token)).isTrue();
      seen.add(token);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void onlyTheHashIsKeptAndItIsTheTokensSha256() {
    String token = SigningTokens.newToken();
    String hash = SigningTokens.hash(token);

    assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain(token);
    assertThat(hash).isEqualTo(SigningTokens.hash(token));
    assertThat(hash).isNotEqualTo(SigningTokens.hash(SigningTokens.newToken()));
  }

  @Test
  void stringsThatCannotBeIssuedTokensAreRefusedBeforeAnyLookup() {
    String token = SigningTokens.newToken();
    assertThat(SigningTokens.wellFormed(null)).isFalse();
    assertThat(SigningTokens.wellFormed("")).isFalse();
    assertThat(SigningTokens.wellFormed(token.substring(1))).isFalse();
    assertThat(SigningTokens.wellFormed(token + "A")).isFalse();
    assertThat(SigningTokens.wellFormed(token.substring(1) + "=")).isFalse();
    assertThat(SigningTokens.wellFormed(token.substring(1) + "/")).isFalse();
    assertThat(SigningTokens.wellFormed("' or 1=1 --" + token.substring(11))).isFalse();
  }
}

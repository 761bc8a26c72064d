package io.contractflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Reads a JWT's header and payload for assertions in tests, without checking its signature (the
 * application's decoder does that; tests look at what Keycloak put in).
 */
public final class JwtContent {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JwtContent() {}

  public static JsonNode header(String jwt) {
    return part(jwt, 0);
  }

  public static JsonNode payload(String jwt) {
    return part(jwt, 1);
  }

  private static JsonNode part(String jwt, int index) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "not a JWS compact serialisation: " + parts.length + " parts");
    }
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(parts[index]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

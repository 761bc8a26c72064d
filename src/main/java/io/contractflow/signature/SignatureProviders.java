package io.contractflow.signature;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The signature providers enabled here (the built-in signer always; each vendor when its properties
 * enable it) and the platform's default ({@code contractflow.signing.provider}), which must be one
 * of them.
 */
@Component
public class SignatureProviders {

  private final Map<String, SignatureProvider> byName = new TreeMap<>();
  private final String defaultName;

  SignatureProviders(List<SignatureProvider> providers, SigningProperties properties) {
    providers.forEach(p -> byName.put(p.name(), p));
    this.defaultName = properties.provider();
    if (!byName.containsKey(defaultName)) {
      throw new IllegalStateException(
          "contractflow.signing.provider is '"
              + defaultName
              + "', which is not an enabled signature provider; enabled: "
              + byName.keySet());
    }
  }

  /** The names of the enabled providers. */
  public List<String> available() {
    return List.copyOf(byName.keySet());
  }

  public String defaultName() {
    return defaultName;
  }

  /** The provider called {@code name}; fails if it is not enabled (any more). */
  public SignatureProvider get(String name) {
    SignatureProvider provider = byName.get(name);
    if (provider == null) {
      throw new IllegalStateException(
          "No enabled signature provider '" + name + "'; enabled: " + byName.keySet());
    }
    return provider;
  }
}

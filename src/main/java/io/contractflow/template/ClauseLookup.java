package io.contractflow.template;

import java.util.Optional;

/** Finds a clause's text: its latest version when {@code version} is null, else that version. */
@FunctionalInterface
interface ClauseLookup {
  Optional<String> text(String key, Integer version);
}

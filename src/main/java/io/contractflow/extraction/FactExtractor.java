package io.contractflow.extraction;

import java.util.List;

/**
 * Reads the facts of a contract from its text. Pluggable: the rule-based extractor is the default
 * bean; a model-based one can replace it later. Each fact carries the passage it came from and a
 * confidence, so that a person confirms what the machine is unsure of.
 */
public interface FactExtractor {

  /** The facts found in {@code text}, at most one per field; never null. */
  List<ExtractedFact> extract(String text);
}

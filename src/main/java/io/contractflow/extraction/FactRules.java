package io.contractflow.extraction;

import java.util.List;

/** The rules for one family of fields; each fact found with its sentence and a confidence. */
interface FactRules {

  /** Candidates, possibly several per field; the extractor keeps the most confident per field. */
  List<ExtractedFact> find(ContractText text);
}

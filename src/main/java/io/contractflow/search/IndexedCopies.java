package io.contractflow.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.springframework.stereotype.Component;

/**
 * The search index's copies of contracts, as OpenSearch holds them, for a person's export: what the
 * index knows about their contracts (owner, readers, the current document's text).
 */
@Component
public class IndexedCopies {

  private static final int MAX = 1000;

  private final OpenSearchClient client;
  private final ContractIndex index;

  IndexedCopies(OpenSearchClient client, ContractIndex index) {
    this.client = client;
    this.index = index;
  }

  /**
   * The indexed documents of these contracts (at most {@value #MAX}); a contract the index does not
   * hold is left out.
   *
   * @throws IOException if OpenSearch cannot be reached
   */
  public List<Map<String, Object>> of(Collection<UUID> contractIds) throws IOException {
    List<String> ids = contractIds.stream().limit(MAX).map(UUID::toString).sorted().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    MgetResponse<ObjectNode> response =
        client.mget(m -> m.index(index.alias()).ids(ids), ObjectNode.class);
    List<Map<String, Object>> out = new ArrayList<>();
    response
        .docs()
        .forEach(
            doc -> {
              if (doc.isResult()) {
                GetResult<ObjectNode> result = doc.result();
                if (result.found() && result.source() != null) {
                  Map<String, Object> copy = new LinkedHashMap<>();
                  copy.put("id", result.id());
                  copy.put("document", result.source());
                  out.add(copy);
                }
              }
            });
    return out;
  }
}

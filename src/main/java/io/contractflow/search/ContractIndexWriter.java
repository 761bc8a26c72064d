package io.contractflow.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

/**
 * Writes contracts into an index (or the alias) in one bulk request: whole documents, and
 * deletions.
 */
@Component
class ContractIndexWriter {

  private final OpenSearchClient client;

  ContractIndexWriter(OpenSearchClient client) {
    this.client = client;
  }

  /**
   * Puts {@code contracts} into {@code target} as they are and removes {@code deleted}.
   *
   * @return the ids that failed, with the reason (empty when all were taken)
   * @throws IOException when OpenSearch cannot be reached or refuses the request as a whole
   */
  Map<String, String> write(
      String target, Collection<IndexedContract> contracts, Collection<UUID> deleted)
      throws IOException {
    List<BulkOperation> operations = new ArrayList<>();
    for (IndexedContract contract : contracts) {
      operations.add(BulkOperation.of(op -> op.index(i -> i.id(contract.id()).document(contract))));
    }
    for (UUID id : deleted) {
      operations.add(BulkOperation.of(op -> op.delete(d -> d.id(id.toString()))));
    }
    Map<String, String> failed = new LinkedHashMap<>();
    if (operations.isEmpty()) {
      return failed;
    }
    BulkResponse response = client.bulk(r -> r.index(target).operations(operations));
    if (response.errors()) {
      for (BulkResponseItem item : response.items()) {
        boolean missingDelete =
            item.status() == 404 && item.operationType().jsonValue().equals("delete");
        if (item.error() != null && !missingDelete) {
          failed.put(item.id(), item.error().type() + ": " + item.error().reason());
        }
      }
    }
    return failed;
  }
}

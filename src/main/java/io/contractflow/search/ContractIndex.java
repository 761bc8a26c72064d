package io.contractflow.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.update_aliases.Action;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The contract index behind its alias: searches and writes go through the alias {@code
 * contractflow.search.index}; a rebuild creates a new index {@code <alias>-<timestamp>} and swaps
 * the alias over in one atomic step.
 */
@Component
class ContractIndex {

  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final OpenSearchClient client;
  private final String alias;
  private final String definition;

  ContractIndex(OpenSearchClient client, SearchProperties properties) {
    this.client = client;
    this.alias = properties.index();
    try (InputStream in = new ClassPathResource("search/contract-index.json").getInputStream()) {
      this.definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String alias() {
    return alias;
  }

  boolean exists() throws IOException {
    return client.indices().existsAlias(r -> r.name(alias)).value();
  }

  /** The indices the alias points at (normally one). */
  Set<String> current() throws IOException {
    try {
      return client.indices().getAlias(r -> r.name(alias)).result().keySet();
    } catch (OpenSearchException e) {
      if (e.status() == 404) {
        return Set.of();
      }
      throw e;
    }
  }

  /** A new, empty index with the settings and mappings of {@code search/contract-index.json}. */
  String create() throws IOException {
    String name = alias + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(SUFFIX);
    try (Response response =
        client
            .generic()
            .execute(
                Requests.builder().method("PUT").endpoint("/" + name).json(definition).build())) {
      if (response.getStatus() >= 300) {
        String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
        throw new IOException(
            "Could not create index " + name + ": " + response.getStatus() + " " + body);
      }
    }
    return name;
  }

  /**
   * Adds to the index behind the alias the fields of {@code search/contract-index.json} it lacks
   * (an index built before a field was added, such as {@code customFields}); the fields it has are
   * left as they are. A field whose mapping changed needs a rebuild.
   *
   * @return null when the index has every field; else why OpenSearch refused them
   * @throws IOException when OpenSearch cannot be reached
   */
  String addMissingFields() throws IOException {
    com.fasterxml.jackson.databind.JsonNode mappings =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(definition).get("mappings");
    String body = "{\"properties\":" + mappings.get("properties").toString() + "}";
    try (Response response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + alias + "/_mapping")
                    .json(body)
                    .build())) {
      if (response.getStatus() >= 300) {
        String text = response.getBody().map(b -> b.bodyAsString()).orElse("");
        return response.getStatus() + " " + (text.length() > 500 ? text.substring(0, 500) : text);
      }
      return null;
    }
  }

  /**
   * Points the alias at {@code index} alone, atomically, and deletes the indices it pointed at
   * before.
   */
  void switchTo(String index) throws IOException {
    Set<String> previous = current();
    List<Action> actions = new ArrayList<>();
    actions.add(Action.of(a -> a.add(add -> add.index(index).alias(alias))));
    for (String old : previous) {
      if (!old.equals(index)) {
        actions.add(Action.of(a -> a.remove(remove -> remove.index(old).alias(alias))));
      }
    }
    client.indices().updateAliases(r -> r.actions(actions));
    for (String old : previous) {
      if (!old.equals(index)) {
        client.indices().delete(r -> r.index(old));
      }
    }
  }

  /**
   * For a bulk load into a new index: no periodic refresh and an asynchronous translog while
   * loading; back to the defaults of {@code search/contract-index.json} afterwards.
   */
  void bulkLoading(String index, boolean loading) throws IOException {
    String settings =
        loading
            ? "{\"index\":{\"refresh_interval\":\"-1\",\"translog.durability\":\"async\"}}"
            : "{\"index\":{\"refresh_interval\":\"1s\",\"translog.durability\":\"request\"}}";
    try (Response response =
        client
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + index + "/_settings")
                    .json(settings)
                    .build())) {
      if (response.getStatus() >= 300) {
        throw new IOException(
            "Could not change the settings of " + index + ": " + response.getStatus());
      }
    }
  }

  void delete(String index) throws IOException {
    client.indices().delete(r -> r.index(index));
  }

  void refresh(String index) throws IOException {
    client.indices().refresh(r -> r.index(index));
  }
}

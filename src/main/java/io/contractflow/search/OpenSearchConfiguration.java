package io.contractflow.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenSearch client: the external cluster of {@code contractflow.search.url} (with Basic
 * credentials and TLS trust when given), else the in-process node. Every request has a connect and
 * a response timeout.
 */
@Configuration(proxyBeanMethods = false)
class OpenSearchConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedOpenSearchNode embeddedOpenSearch(SearchProperties properties) {
    if (properties.external()) {
      return new EmbeddedOpenSearchNode(null);
    }
    SearchProperties.Embedded embedded = properties.embedded();
    if (!embedded.allowed()) {
      throw new IllegalStateException(
          "contractflow.search.url (OPENSEARCH_URL) is required: this profile does not "
              + "run OpenSearch in-process");
    }
    return new EmbeddedOpenSearchNode(
        embedded.sharedInJvm()
            ? EmbeddedOpenSearch.shared(
                embedded.dataDir(), embedded.cleanOnStart(), embedded.maxHttpPort())
            : EmbeddedOpenSearch.onFreePort(
                embedded.dataDir(), embedded.cleanOnStart(), embedded.maxHttpPort()));
  }

  /**
   * Starts the platform's own in-process node (not the JVM-shared one of the tests, started
   * already) once the platform is ready, on a thread of its own. Readiness does not wait for search
   * (search answers 503 and index updates wait in the outbox until the node is up), and on a small
   * machine the node's start (several seconds of CPU, its classes and their compilation) only took
   * cores from the platform's own start.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> embeddedOpenSearchStarter(
      SearchProperties properties, EmbeddedOpenSearchNode embedded) {
    boolean own = !properties.external() && !properties.embedded().sharedInJvm();
    AtomicBoolean started = new AtomicBoolean();
    return ready -> {
      EmbeddedOpenSearch node = embedded.node();
      if (own && node != null && started.compareAndSet(false, true)) {
        node.startInBackground();
      }
    };
  }

  @Bean(destroyMethod = "close")
  OpenSearchTransport openSearchTransport(
      SearchProperties properties, EmbeddedOpenSearchNode embedded)
      throws IOException, GeneralSecurityException {
    URI uri = URI.create(properties.external() ? properties.url() : embedded.node().httpUrl());
    HttpHost host =
        new HttpHost(
            uri.getScheme(),
            uri.getHost(),
            uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 9200);
    SSLContext ssl = sslContext(properties.tls());
    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
    if (!properties.username().isBlank()) {
      credentials.setCredentials(
          new AuthScope(host),
          new UsernamePasswordCredentials(
              properties.username(), properties.password().toCharArray()));
    }
    return ApacheHttpClient5TransportBuilder.builder(host)
        .setMapper(mapper())
        .setRequestConfigCallback(
            config ->
                config
                    .setConnectTimeout(
                        Timeout.of(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .setResponseTimeout(
                        Timeout.of(properties.socketTimeout().toMillis(), TimeUnit.MILLISECONDS)))
        .setHttpClientConfigCallback(
            client ->
                client
                    .setDefaultCredentialsProvider(credentials)
                    .setConnectionManager(
                        PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(32)
                            .setMaxConnPerRoute(32)
                            .setTlsStrategy(
                                ClientTlsStrategyBuilder.create().setSslContext(ssl).build())
                            .build()))
        .build();
  }

  @Bean
  OpenSearchClient openSearchClient(OpenSearchTransport transport) {
    return new OpenSearchClient(transport);
  }

  /** Dates as ISO strings, nulls left out, unknown fields in stored documents tolerated. */
  static JacksonJsonpMapper mapper() {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    return new JacksonJsonpMapper(json);
  }

  private static SSLContext sslContext(SearchProperties.Tls tls)
      throws IOException, GeneralSecurityException {
    if (tls.truststore().isBlank()) {
      return SSLContext.getDefault();
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(tls.truststore()))) {
      trust.load(in, tls.truststorePassword().toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  /** The in-process node when there is one; {@code node()} is null with an external cluster. */
  record EmbeddedOpenSearchNode(EmbeddedOpenSearch node) implements AutoCloseable {
    @Override
    public void close() {
      if (node != null) {
        node.close();
      }
    }
  }
}

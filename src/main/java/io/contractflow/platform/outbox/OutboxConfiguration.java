package io.contractflow.platform.outbox;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The outbox's worker, with every feature's {@link OutboxHandler}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

  @Bean
  OutboxWorker outboxWorker(
      OutboxStore store,
      List<OutboxHandler> handlers,
      OutboxProperties properties,
      PlatformTransactionManager transactions,
      OutboxSignal signal) {
    List<String> topics = handlers.stream().map(OutboxHandler::topic).toList();
    if (topics.stream().distinct().count() != topics.size()) {
      throw new IllegalStateException("Two outbox handlers for one topic: " + topics);
    }
    return new OutboxWorker(store, handlers, properties, transactions, signal);
  }
}

package io.contractflow.document;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.AutoDetectParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One Tika configuration for type detection and text extraction (both thread-safe). Built after the
 * platform is ready, on a thread of its own ({@link #tikaWarmUp}), not during the start: loading
 * every parser Tika ships (and the classes behind them) took about a second of the start's CPU. Its
 * users hold lazy references; an upload that comes before it is built waits for it.
 */
@Configuration(proxyBeanMethods = false)
class TikaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TikaConfiguration.class);

  @Bean
  @Lazy
  TikaConfig tikaConfig() {
    return TikaConfig.getDefaultConfig();
  }

  @Bean
  @Lazy
  Detector tikaDetector(TikaConfig config) {
    return config.getDetector();
  }

  @Bean
  @Lazy
  AutoDetectParser tikaParser(TikaConfig config) {
    return new AutoDetectParser(config);
  }

  @Bean
  ApplicationListener<ApplicationReadyEvent> tikaWarmUp(
      ObjectProvider<Detector> detector, ObjectProvider<AutoDetectParser> parser) {
    return ready -> {
      Thread warmUp =
          new Thread(
              () -> {
                try {
                  detector.getObject();
                  parser.getObject();
                } catch (RuntimeException e) {
                  log.warn("Tika could not be built ahead of the first upload: {}", e.toString());
                }
              },
              "tika-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    };
  }
}

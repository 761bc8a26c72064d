package io.contractflow.document;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.AutoDetectParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One Tika configuration for type detection and text extraction (both thread-safe). */
@Configuration(proxyBeanMethods = false)
class TikaConfiguration {

  @Bean
  TikaConfig tikaConfig() {
    return TikaConfig.getDefaultConfig();
  }

  @Bean
  Detector tikaDetector(TikaConfig config) {
    return config.getDetector();
  }

  @Bean
  AutoDetectParser tikaParser(TikaConfig config) {
    return new AutoDetectParser(config);
  }
}

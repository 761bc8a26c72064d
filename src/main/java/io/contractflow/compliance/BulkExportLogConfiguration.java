package io.contractflow.compliance;

import io.contractflow.security.SecurityLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link BulkExportLog} in front of every API handler. */
@Configuration(proxyBeanMethods = false)
class BulkExportLogConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<SecurityLog> securityLog;

  /** The log by provider: web slice tests load this configuration without the security log. */
  BulkExportLogConfiguration(ObjectProvider<SecurityLog> securityLog) {
    this.securityLog = securityLog;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    SecurityLog log = securityLog.getIfAvailable();
    if (log != null) {
      registry.addInterceptor(new BulkExportLog(log)).addPathPatterns("/api/**");
    }
  }
}

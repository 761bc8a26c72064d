package io.contractflow.imports;

import io.contractflow.platform.web.LargeUploadRoute;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.WebApplicationContext;

/**
 * Uploads of an import's archive may be as large as {@code contractflow.imports.max-archive-size}
 * (512MB) while every other upload keeps the multipart limit (the document limit): {@code POST
 * /api/imports} is served by {@link ImportUploadServlet}, whose multipart limits are the archive's
 * (and the CSV's), and whose parts go straight to a temporary file (the servlet container's, or
 * {@code spring.servlet.multipart.location}), never into memory. A larger archive is refused with
 * 413 before it is read when its length is declared, else as soon as it passes the limit.
 */
@Configuration(proxyBeanMethods = false)
class ImportUploadConfiguration {

  static final String PATH = "/api/imports";

  /** Room for the multipart envelope (boundaries, part headers). */
  private static final long ENVELOPE_BYTES = 1024L * 1024;

  @Bean
  LargeUploadRoute importArchiveUpload(ImportProperties imports) {
    return new LargeUploadRoute(PATH, maxRequestBytes(imports));
  }

  @Bean
  ServletRegistrationBean<ImportUploadServlet> importUploadServlet(
      WebApplicationContext context,
      WebMvcProperties mvc,
      ImportProperties imports,
      MultipartProperties multipart) {
    ServletRegistrationBean<ImportUploadServlet> registration =
        new ServletRegistrationBean<>(new ImportUploadServlet(context, mvc), PATH);
    registration.setName("importUpload");
    registration.setMultipartConfig(
        new MultipartConfigElement(
            multipart.getLocation() == null ? "" : multipart.getLocation(),
            imports.maxArchiveSize().toBytes(),
            maxRequestBytes(imports),
            0));
    return registration;
  }

  private static long maxRequestBytes(ImportProperties imports) {
    return imports.maxArchiveSize().toBytes() + ImportController.MAX_CSV_BYTES + ENVELOPE_BYTES;
  }
}

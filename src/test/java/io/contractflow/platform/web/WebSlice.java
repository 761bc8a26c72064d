package io.contractflow.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice test ({@code @WebMvcTest}, tag {@code web-slice}): the named controllers with the
 * platform's web layer as the application has it — problem details ({@link ProblemDetailsHandler}),
 * strict JSON types, paging limits, {@code application.yml} — and MockMvc, in a second or two,
 * without PostgreSQL, OpenSearch or the engine. The controllers' services and the caller ({@code
 * identity.CurrentUserProvider}) are {@code @MockitoBean}s of the test; the security filters are
 * left out (who may do what is the services' business, and the integration tests prove it end to
 * end).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("web-slice")
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
// what every controller relies on from platform.web, which a slice does not scan (on the annotation
// rather than on a
// configuration class, which the platforms the integration tests start themselves would pick up)
@EnableConfigurationProperties({ApiProperties.class, MultipartProperties.class})
@Import({StrictJsonTypes.class, PageRequests.class})
public @interface WebSlice {

  /** The controllers under test. */
  @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
  Class<?>[] value();
}

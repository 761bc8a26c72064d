package io.contractflow.imports;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcProperties;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves {@code /api/imports} exactly, so that its uploads have multipart limits of their own: the
 * servlet container applies the limits of the servlet a request is mapped to, and this one is
 * registered with the archive's ({@link ImportUploadConfiguration}). Everything else is Spring
 * MVC's as for any route: a dispatcher of its own, on the same application context, handles the
 * request (the same controllers, advice, security filters before it). Not a {@code
 * DispatcherServlet} itself, so the application still has one dispatcher servlet, at {@code /}.
 */
final class ImportUploadServlet extends HttpServlet {

  private final transient DispatcherServlet dispatcher;

  ImportUploadServlet(WebApplicationContext context, WebMvcProperties mvc) {
    this.dispatcher = new DispatcherServlet(context);
    // as Spring Boot sets up its own dispatcher
    dispatcher.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
    dispatcher.setDispatchTraceRequest(mvc.isDispatchTraceRequest());
    dispatcher.setPublishEvents(mvc.isPublishRequestHandledEvents());
    dispatcher.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    dispatcher.init(config);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    dispatcher.service((ServletRequest) request, (ServletResponse) response);
  }

  @Override
  public void destroy() {
    dispatcher.destroy();
    super.destroy();
  }
}

package io.contractflow.compliance;

import io.contractflow.platform.export.TableFile;
import io.contractflow.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Records every table taken out of the platform as a file (CSV or XLSX: the contract list, search
 * results, reports, the access review, model deployments and whatever export comes next) in the
 * security log, and so in its database copy ({@code SecurityEvents}): who, from where, which export
 * and with which parameters. Only the parameters' names (and the format) are recorded, not their
 * values: a search text may name a person. Recognised by the response's content type once the
 * handler has answered, so an export needs no code of its own to be recorded; the security log's
 * own export records itself (with its date range) and is skipped here.
 */
class BulkExportLog implements AsyncHandlerInterceptor {

  private static final Set<String> RECORDED_BY_THEMSELVES = Set.of("/api/admin/security-log");

  private final SecurityLog securityLog;

  BulkExportLog(SecurityLog securityLog) {
    this.securityLog = securityLog;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (ex == null) {
      record(request, response);
    }
  }

  /** A streamed export: its headers are set before the streaming starts on another thread. */
  @Override
  public void afterConcurrentHandlingStarted(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    record(request, response);
  }

  private void record(HttpServletRequest request, HttpServletResponse response) {
    if (response.getStatus() >= 300 || !isTableFile(response.getContentType())) {
      return;
    }
    String path = request.getRequestURI();
    if (RECORDED_BY_THEMSELVES.contains(path)) {
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    securityLog.exported(
        caller == null ? null : caller.getName(), request.getRemoteAddr(), path, scope(request));
  }

  static boolean isTableFile(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith(TableFile.CSV) || type.startsWith(TableFile.XLSX);
  }

  /** The parameters' names, sorted, and the format's value: {@code format=csv; q, status}. */
  static String scope(HttpServletRequest request) {
    List<String> names = Collections.list(request.getParameterNames());
    Collections.sort(names);
    String format = request.getParameter("format");
    List<String> others = names.stream().filter(n -> !n.equals("format")).toList();
    String listed = String.join(", ", others);
    if (format == null) {
      return listed.isEmpty() ? "no parameters" : listed;
    }
    String f = "format=" + (TableFile.isFormat(format) ? format : "?");
    return listed.isEmpty() ? f : f + "; " + listed;
  }
}

package io.contractflow.platform.web;

import io.contractflow.platform.outage.DatabaseGate;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A response that drops a server error (a 500, not our 503) answered for want of a database
 * connection, status, headers and body, so {@link DatabaseOutageFilter} can answer the problem
 * instead: Camunda's REST API (Jersey) maps every exception to its own 500 body, which never
 * reaches a Spring handler. Anything else passes through untouched.
 */
class OutageAwareResponse extends HttpServletResponseWrapper {

  private final DatabaseGate gate;
  private final java.util.function.BooleanSupplier databaseDown;
  private boolean dropped;

  /**
   * @param databaseDown asked only for a server error when neither this request nor the gate has
   *     seen a connection fail yet: a request that was already running when the database went away
   *     fails inside the engine, whose REST API answers 500 without telling why
   */
  OutageAwareResponse(
      HttpServletResponse response,
      DatabaseGate gate,
      java.util.function.BooleanSupplier databaseDown) {
    super(response);
    this.gate = gate;
    this.databaseDown = databaseDown;
  }

  /** The response was a server error for want of the database, and nothing of it was sent. */
  boolean dropped() {
    return dropped;
  }

  private boolean drops(int status) {
    if (!dropped
        && status >= 500
        && status != SC_SERVICE_UNAVAILABLE
        && (gate.failedOnThisThread() || gate.suspectsOutage() || databaseDown.getAsBoolean())) {
      dropped = true;
    }
    return dropped;
  }

  @Override
  public void setStatus(int sc) {
    if (!drops(sc)) {
      super.setStatus(sc);
    }
  }

  @Override
  public void sendError(int sc) throws java.io.IOException {
    if (!drops(sc)) {
      super.sendError(sc);
    }
  }

  @Override
  public void sendError(int sc, String msg) throws java.io.IOException {
    if (!drops(sc)) {
      super.sendError(sc, msg);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!dropped) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!dropped) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!dropped) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!dropped) {
      super.addIntHeader(name, value);
    }
  }

  @Override
  public void setDateHeader(String name, long date) {
    if (!dropped) {
      super.setDateHeader(name, date);
    }
  }

  @Override
  public void addDateHeader(String name, long date) {
    if (!dropped) {
      super.addDateHeader(name, date);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!dropped) {
      super.setContentType(type);
    }
  }

  @Override
  public void setContentLength(int len) {
    if (!dropped) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (!dropped) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (!dropped) {
      super.setCharacterEncoding(charset);
    }
  }

  @Override
  public void setLocale(Locale locale) {
    if (!dropped) {
      super.setLocale(locale);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws java.io.IOException {
    return dropped ? Discarded.STREAM : super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws java.io.IOException {
    return dropped ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
  }

  @Override
  public void flushBuffer() throws java.io.IOException {
    if (!dropped) {
      super.flushBuffer();
    }
  }

  @Override
  public boolean isCommitted() {
    return !dropped && super.isCommitted();
  }

  /** Where a dropped body goes. */
  private static final class Discarded extends ServletOutputStream {

    static final ServletOutputStream STREAM = new Discarded();

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      // nothing is written
    }

    @Override
    public void write(int b) {
      // dropped
    }

    @Override
    public void write(byte[] b, int off, int len) {
      // dropped
    }
  }
}

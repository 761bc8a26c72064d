package io.contractflow.document.scan;

/** The virus scanner gave no verdict; with scanning enabled, the upload is refused. */
public class VirusScanUnavailableException extends RuntimeException {

  public VirusScanUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public VirusScanUnavailableException(String message) {
    super(message);
  }
}

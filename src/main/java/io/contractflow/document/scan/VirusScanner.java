package io.contractflow.document.scan;

/** Scans uploaded bytes for malware before anything is stored. */
public interface VirusScanner {

  /**
   * @return the verdict; never null
   * @throws VirusScanUnavailableException when the scanner cannot give one (unreachable, timed out,
   *     error); callers refuse the upload then — the scan fails closed
   */
  ScanResult scan(byte[] content);

  /** The verdict: clean, or infected with the named signature. */
  record ScanResult(boolean clean, String signature) {
    public static ScanResult cleanResult() {
      return new ScanResult(true, null);
    }

    public static ScanResult infected(String signature) {
      return new ScanResult(false, signature);
    }
  }
}

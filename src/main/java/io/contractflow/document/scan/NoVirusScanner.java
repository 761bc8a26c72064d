package io.contractflow.document.scan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in when scanning is switched off, so callers need no null checks: every upload counts as
 * clean.
 */
class NoVirusScanner implements VirusScanner {

  private static final Logger log = LoggerFactory.getLogger(NoVirusScanner.class);

  NoVirusScanner() {
    // Logged once, when the bean is created, so an operator sees in the start-up log that uploads
    // go unscanned.
    log.warn(
        "Virus scanning is off (contractflow.documents.virus-scan.enabled=false): uploads are stored unscanned");
  }

  @Override
  public ScanResult scan(byte[] content) {
    return ScanResult.cleanResult();
  }
}

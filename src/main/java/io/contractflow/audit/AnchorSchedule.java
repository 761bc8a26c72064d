package io.contractflow.audit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes an audit anchor on a schedule ({@code contractflow.audit.anchors.interval}, hourly), when
 * enabled; a run that fails is logged by the scheduler and the next one tries again. Two nodes may
 * both write one: the second finds the same root and writes nothing, or a newer one.
 */
@Component
class AnchorSchedule {

  private final AuditAnchors anchors;
  private final AnchorProperties properties;

  AnchorSchedule(AuditAnchors anchors, AnchorProperties properties) {
    this.anchors = anchors;
    this.properties = properties;
  }

  @Scheduled(
      initialDelayString = "${contractflow.audit.anchors.interval:PT1H}",
      fixedDelayString = "${contractflow.audit.anchors.interval:PT1H}")
  void run() {
    if (properties.enabled()) {
      anchors.take();
    }
  }
}

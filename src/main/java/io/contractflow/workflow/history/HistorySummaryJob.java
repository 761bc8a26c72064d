package io.contractflow.workflow.history;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link HistorySummaries} up to date: every closed month of the last three years that is not
 * summarised yet is summarised, once it has been over for an hour (steps that finish at midnight
 * have committed by then). Runs shortly after start-up and then hourly; a month that fails is tried
 * again on the next run.
 */
@Component
public class HistorySummaryJob {

  /** As far back as a report reads (its longest window). */
  static final int MONTHS = 36;

  private static final Duration SETTLE = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(HistorySummaryJob.class);

  private final HistorySummaries summaries;
  private final Clock clock;

  HistorySummaryJob(HistorySummaries summaries, Clock clock) {
    this.summaries = summaries;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${contractflow.reports.history-summary-delay:PT2M}",
      fixedDelayString = "${contractflow.reports.history-summary-interval:PT1H}")
  void run() {
    summariseClosedMonths();
  }

  /** Summarises the closed months not summarised yet; how many it summarised. */
  public int summariseClosedMonths() {
    ZoneId zone = ZoneId.systemDefault();
    YearMonth settled =
        YearMonth.from(LocalDateTime.ofInstant(clock.instant().minus(SETTLE), zone));
    List<YearMonth> closed = new ArrayList<>();
    for (int back = MONTHS; back >= 1; back--) {
      closed.add(settled.minusMonths(back));
    }
    Set<YearMonth> done = summaries.summarised(closed);
    int summarised = 0;
    for (YearMonth month : closed) {
      if (done.contains(month)) {
        continue;
      }
      try {
        long start = System.nanoTime();
        summaries.summarise(month);
        summarised++;
        log.debug(
            "Summarised the history of {} in {} ms",
            month,
            (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn("Could not summarise the history of {}: {}", month, e.toString());
      }
    }
    return summarised;
  }
}

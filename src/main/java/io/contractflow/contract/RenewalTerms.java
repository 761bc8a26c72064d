package io.contractflow.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How a contract renews: automatically or not, for how long, and how much notice ends it. */
@Embeddable
public class RenewalTerms {

  @Column(name = "auto_renew", nullable = false)
  private boolean autoRenew;

  @Column(name = "renewal_term_months")
  private Integer renewalTermMonths;

  @Column(name = "notice_period_days")
  private Integer noticePeriodDays;

  protected RenewalTerms() {}

  public RenewalTerms(boolean autoRenew, Integer renewalTermMonths, Integer noticePeriodDays) {
    this.autoRenew = autoRenew;
    this.renewalTermMonths = renewalTermMonths;
    this.noticePeriodDays = noticePeriodDays;
  }

  public static RenewalTerms none() {
    return new RenewalTerms(false, null, null);
  }

  public boolean autoRenew() {
    return autoRenew;
  }

  public Integer renewalTermMonths() {
    return renewalTermMonths;
  }

  public Integer noticePeriodDays() {
    return noticePeriodDays;
  }
}

package org.billingcenter.subscription;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import org.billingcenter.catalog.PlanSubscribers;
import org.billingcenter.catalog.PriceSchedule;
import org.billingcenter.shared.BillingFrequency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a plan's renewing subscriptions across organisations for the operator's price-change
 * preview. It reads every organisation on purpose (the catalog is the operator's), streams the rows
 * and keeps only one counter per renewal date, so memory stays flat however many there are.
 */
@Repository
class PlanSubscriberRepository implements PlanSubscribers {

  private final JdbcClient jdbc;

  PlanSubscriberRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public SortedMap<LocalDate, Integer> renewalsOnOrAfter(String planId, LocalDate day) {
    SortedMap<LocalDate, Integer> counts = new TreeMap<>();
    jdbc.sql(
            """
            select s.anchor_date, p.billing_frequency
              from subscription s join plan p on p.plan_id = s.plan_id
             where s.plan_id = :plan and s.status = 'ACTIVE' and s.auto_renew
               and s.scheduled_cancel_on is null and s.anchor_date is not null
            """)
        .param("plan", planId)
        .query(rs -> {
          LocalDate renewal = PriceSchedule.firstRenewalOnOrAfter(rs.getObject("anchor_date", LocalDate.class),
              BillingFrequency.valueOf(rs.getString("billing_frequency")), day);
          counts.merge(renewal, 1, Integer::sum);
        });
    return counts;
  }
}

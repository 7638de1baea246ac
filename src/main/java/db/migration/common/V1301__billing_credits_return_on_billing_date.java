package db.migration.common;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.billingcenter.tenant.BillingCycle;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Pending credits recorded before the billing cycle waited for the end of the cancelled period (up
 * to a year for an annual subscription). Each moves to its organisation's next billing date after
 * the day it was recorded (in the organisation's time zone), when that is earlier; a date already
 * past is returned by the next billing run. Java, because the clamped billing date and the local
 * calendar day are the rule class's job, not something to write twice in two SQL dialects.
 */
public class V1301__billing_credits_return_on_billing_date extends BaseJavaMigration {

  private static final String PENDING =
      """
      select c.tenant_id, c.credit_id, c.return_on, c.created_at, t.billing_day, t.time_zone
        from credit c join tenant t on t.tenant_id = c.tenant_id
       where c.status = 'PENDING' and t.billing_day is not null
      """;
  private static final String MOVE =
      "update credit set return_on = ? where tenant_id = ? and credit_id = ? and status = 'PENDING'";

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (PreparedStatement select = connection.prepareStatement(PENDING);
        PreparedStatement move = connection.prepareStatement(MOVE);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        LocalDate recordedOn = rs.getObject("created_at", OffsetDateTime.class)
            .atZoneSameInstant(ZoneId.of(rs.getString("time_zone"))).toLocalDate();
        LocalDate billingDate = BillingCycle.nextBillingDate(rs.getInt("billing_day"), recordedOn);
        if (billingDate.isBefore(rs.getDate("return_on").toLocalDate())) {
          move.setDate(1, Date.valueOf(billingDate));
          move.setObject(2, rs.getObject("tenant_id", UUID.class));
          move.setObject(3, rs.getObject("credit_id", UUID.class));
          move.addBatch();
        }
      }
      move.executeBatch();
    }
  }
}

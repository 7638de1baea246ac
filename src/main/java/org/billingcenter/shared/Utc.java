package org.billingcenter.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants cross the database boundary as UTC {@link OffsetDateTime}: the JDBC driver cannot bind an
 * {@code Instant}, and H2 would keep any other offset it is given.
 */
public final class Utc {

  private Utc() {}

  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

package org.billingcenter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Which failures are "the database is away, retry" (503) and which are errors (issue 19). */
class DatabaseUnavailableTest {

  @Test
  void a_write_refused_by_a_demoted_primary_is_an_outage_not_an_error() {
    SQLException readOnly = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
    assertThat(Problems.databaseUnavailable(new UncategorizedSQLException("insert", "insert into credit", readOnly))).isTrue();
    assertThat(Problems.databaseUnavailable(new CannotGetJdbcConnectionException("no primary"))).isTrue();
  }

  @Test
  void other_sql_failures_stay_errors() {
    SQLException overflow = new SQLException("numeric field overflow", "22003");
    assertThat(Problems.databaseUnavailable(new UncategorizedSQLException("x", "x", overflow))).isFalse();
    assertThat(Problems.databaseUnavailable(new DataIntegrityViolationException("duplicate"))).isFalse();
  }
}

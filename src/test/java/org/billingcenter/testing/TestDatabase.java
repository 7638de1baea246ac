package org.billingcenter.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Which database the integration tests run on: {@code -Dbilling.test.database=h2|postgresql} (the
 * Maven build runs the *IT classes once for each). The PostgreSQL database is created if missing;
 * every test makes its own tenants, so runs never need a clean-up.
 */
public final class TestDatabase {

  static final String H2_URL =
      "jdbc:h2:mem:billing-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

  private TestDatabase() {}

  public static boolean postgres() {
    return "postgresql".equals(System.getProperty("billing.test.database", "h2"));
  }

  public static String url() {
    return postgres()
        ? System.getProperty("billing.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/billing_test")
        : H2_URL;
  }

  public static String user() {
    return postgres() ? System.getProperty("billing.test.pg.user", "postgres") : "sa";
  }

  /** Null when PostgreSQL answers (creating the database if needed); else why it does not. */
  static String postgresProblem() {
    String url = url();
    String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    String server = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    Properties props = new Properties();
    props.setProperty("user", user());
    props.setProperty("connectTimeout", "5");
    try (Connection c = DriverManager.getConnection(server, props);
        var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      if (!exists.executeQuery().next()) {
        c.createStatement().execute("create database \"" + database + "\"");
      }
      return null;
    } catch (SQLException e) {
      return e.getMessage();
    }
  }
}

package org.billingcenter.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through /usr/bin/chromedriver, headless. Without them the browser tests
 * are skipped with a notice, except under CI, where they fail.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  public static Browser open(int port) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "Chromium or chromedriver missing (apt-get install chromium chromium-driver fonts-noto-cjk)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why);
    }
    System.setProperty("SE_AVOID_STATS", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,800", "--lang=en");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return new Browser(driver, "http://localhost:" + port);
  }

  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public Browser signIn(String username, String locale) {
    return signIn(username, "demo", locale);
  }

  /** Issue 16 (browser): an account of a test tenant, which has its own password. */
  public Browser signIn(String username, String password, String locale) {
    driver.manage().deleteAllCookies();
    go("/login?lang=" + locale);
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  /** Clicks and, when the click leaves the page, waits until the next page has loaded. */
  /**
   * Clicks something that leaves the page (a form's submit, a link) and returns once the browser
   * has left it: {@link #click} may return while the old page still stands, and navigating on at
   * once (signing in as someone else, say) can cancel the request the click started.
   */
  public void clickAndLeave(String css) {
    WebElement element = find(css);
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException left) {
        return true;
      } catch (org.openqa.selenium.WebDriverException leaving) {
        // Mid-navigation Chromium reports the old page's element as "Node with given id does not
        // belong to the document" rather than stale: the click left the page all the same.
        String message = leaving.getMessage();
        if (message != null && message.contains("does not belong to the document")) {
          return true;
        }
        throw leaving;
      }
    });
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  public void click(String css) {
    WebElement element = find(css);
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
      try {
        element.isEnabled();
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
      } catch (org.openqa.selenium.WebDriverException left) {
        // The click navigated: the element left the document. Chromium reports that as stale or,
        // mid-navigation, as "Node with given id does not belong to the document".
        return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
      }
    });
  }

  /**
   * Waits until an element matching {@code css} shows {@code text} and htmx has nothing in flight:
   * htmx swaps lists a moment after typing stops, and an element read mid-swap is stale.
   */
  public void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage(() -> "no " + text + " in " + css)
        .until(d -> all(css).stream().anyMatch(e -> e.getText().contains(text))
            && number("return document.querySelectorAll('.htmx-request, .htmx-swapping, .htmx-settling').length") == 0);
  }

  /** A number the page's script returns, e.g. {@code return document.documentElement.scrollWidth}. */
  public long number(String script) {
    return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
  }

  /** Issue 16 (browser): the session's cookies as a Cookie header, to fetch a download as this browser would. */
  public String cookieHeader() {
    return driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  public void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** axe-core's serious and critical violations on the current page, as "rule: help" lines. */
  @SuppressWarnings("unchecked")
  public List<String> seriousAccessibilityViolations() throws IOException {
    String axe;
    try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    JavascriptExecutor js = driver;
    js.executeScript(axe);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r));");
    List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(v -> v.get("id") + ": " + v.get("help"))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}

package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import rhoscope.lang.diag.LangException;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.TestHttp;

/**
 * Drives the web page in headless Chromium: type a query, see results with verdict badges, open a
 * witness, step through its frames, open a process page; saves screenshots under {@code
 * target/screenshots/}. Skips (with the reason) when chromium or its driver is not installed.
 */
class WebPageBrowserIT {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path profile;

  static RhoscopeServer server;
  static ChromeDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    // Selenium warns that it has no DevTools bindings for this Chromium; the test uses none.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    var chromium = Chromium.browser();
    var driver = Chromium.driver();
    Assumptions.assumeTrue(
        chromium.isPresent() && driver.isPresent(),
        "browser test skipped: chromium and chromium-driver not found; run"
            + " scripts/install-test-deps.sh as root (or set RHOSCOPE_CHROMIUM/RHOSCOPE_CHROMEDRIVER)");
    server = BrowserFixture.startServer(profile.resolve("db"));
    base = "http://127.0.0.1:" + server.port() + "/";
    browser = Chromium.start(chromium.get(), driver.get(), profile.resolve("chromium-profile"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aQueryShowsResultsAndItsWitnessStepsFrameByFrame() throws IOException {
    JsonNode answer = BrowserFixture.answer(server);
    JsonNode expected = BrowserFixture.deadlockingMatch(answer);
    JsonNode expectedFrames = expected.get("witness").get("steps");
    int frames = expectedFrames.size();

    browser.get(base);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#named-types li.named-type")));
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys(BrowserFixture.QUERY);
    browser.findElement(By.id("run-query")).click();

    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "after the index"));
    List<WebElement> matches = browser.findElements(By.cssSelector("#results .match"));
    assertThat(matches).hasSize(answer.get("matches").size());
    WebElement match =
        matches.stream()
            .filter(m -> m.getDomAttribute("data-id").equals(expected.get("id").asText()))
            .findFirst()
            .orElseThrow();
    // The hit is said in the query's words, the verdict kept beside it.
    WebElement verdict = match.findElement(By.className("verdict"));
    assertThat(verdict.getText()).isEqualTo("can deadlock");
    assertThat(verdict.getDomAttribute("data-verdict")).isEqualTo("yes");
    assertThat(verdict.getDomAttribute("class")).contains("tone-warning");
    assertThat(match.findElement(By.className("name")).getText()).isEqualTo(BrowserFixture.DEADLOCKING);
    screenshot("query-results");

    match.findElement(By.className("show-witness")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("witness")));
    WebElement index = browser.findElement(By.id("frame-index"));
    WebElement state = browser.findElement(By.id("frame-state"));
    assertThat(index.getText()).isEqualTo("step 0 of " + frames);
    // The whole state is folded under the panels: read it without unfolding.
    assertThat(state.getDomProperty("textContent"))
        .isEqualTo(expected.get("witness").get("initialState").asText());
    assertThat(browser.findElements(By.cssSelector("#frame-strip .panel"))).hasSize(frames + 1);
    assertThat(currentPanel().getDomAttribute("data-frame")).isEqualTo("0");
    assertThat(browser.findElement(By.id("frame-prev")).isEnabled()).isFalse();

    // Step through every COMM: the page shows the channel, message, receiver and state of each.
    for (int i = 0; i < frames; i++) {
      browser.findElement(By.id("frame-next")).click();
      JsonNode f = expectedFrames.get(i);
      assertThat(index.getText()).isEqualTo("step " + (i + 1) + " of " + frames);
      assertThat(browser.findElement(By.cssSelector("#frame-comm .frame-channel")).getText())
          .isEqualTo(f.get("channel").get("spelling").asText());
      assertThat(browser.findElement(By.cssSelector("#frame-comm .frame-message")).getText())
          .isEqualTo(f.get("message").asText().strip());
      assertThat(state.getDomProperty("textContent")).isEqualTo(f.get("state").asText());
      assertThat(currentPanel().getDomAttribute("data-frame")).isEqualTo(Integer.toString(i + 1));
      assertThat(currentPanel().findElement(By.className("caption")).getText())
          .contains(f.get("channel").get("spelling").asText());
      if (i == 0) {
        screenshot("witness-step-1");
      }
    }
    assertThat(browser.findElement(By.id("frame-next")).isEnabled()).isFalse();
    screenshot("witness-last-step");
    browser.findElement(By.id("frame-prev")).click();
    assertThat(index.getText()).isEqualTo("step " + (frames - 1) + " of " + frames);
    assertThat(currentPanel().getDomAttribute("data-frame")).isEqualTo(Integer.toString(frames - 1));
  }

  /** The one panel of the witness strip the reader is on. */
  static WebElement currentPanel() {
    List<WebElement> current = browser.findElements(By.cssSelector("#frame-strip .panel.current"));
    assertThat(current).hasSize(1);
    return current.get(0);
  }

  @Test
  void aMalformedQueryShowsWhereItIsWrong() {
    browser.get(base);
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys(BrowserFixture.MALFORMED_QUERY);
    browser.findElement(By.id("check-type")).click();
    WebElement message = browser.findElement(By.id("type-message"));
    waiting().until(d -> !message.getText().isBlank());
    assertThat(message.getDomAttribute("class")).contains("error");
    assertThat(message.getText()).contains("line 1:");
  }

  /** The caret sits under the column the server's error names, as the command line puts it. */
  @Test
  void aMalformedQueryShowsItsLineWithACaret() throws IOException {
    JsonNode error =
        new TestHttp(server.port())
            .post("/api/types/parse", Map.of("type", BrowserFixture.MALFORMED_QUERY))
            .json();
    browser.get(base);
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys(BrowserFixture.MALFORMED_QUERY);
    browser.findElement(By.id("run-query")).click();
    WebElement excerpt =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("type-excerpt")));
    assertThat(excerpt.getDomProperty("textContent"))
        .isEqualTo(
            LangException.excerpt(
                BrowserFixture.MALFORMED_QUERY, error.get("line").asInt(), error.get("column").asInt()));
    assertThat(browser.findElement(By.id("type-message")).getText())
        .contains("line 1:" + error.get("column").asInt());
    screenshot("query-syntax-error");
  }

  /**
   * A hit on {@code not deadlock_free} is the hazard it found, "can deadlock" in the warning
   * colour, and a miss the guarantee, "cannot deadlock", for a query with no match of that kind.
   */
  @Test
  void aHitOnNotDeadlockFreeReadsCanDeadlockInAWarningColour() throws IOException {
    JsonNode answer =
        new TestHttp(server.port()).post("/api/query", Map.of("type", "not deadlock_free")).json();
    assertThat(answer.get("matches")).isNotEmpty();
    browser.get(base);
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys("not deadlock_free");
    browser.findElement(By.id("run-query")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "after the index"));
    List<WebElement> verdicts = browser.findElements(By.cssSelector("#results .match .verdict"));
    assertThat(verdicts).hasSize(answer.get("matches").size());
    for (int i = 0; i < verdicts.size(); i++) {
      WebElement v = verdicts.get(i);
      assertThat(v.getDomAttribute("data-verdict"))
          .isEqualTo(answer.get("matches").get(i).get("verdict").asText());
      if (v.getDomAttribute("data-verdict").equals("yes")) {
        assertThat(v.getText()).isEqualTo("can deadlock");
        assertThat(v.getDomAttribute("class")).contains("tone-warning");
        assertThat(v.getCssValue("background-color")).isEqualTo(WARNING_COLOUR);
      }
    }
    assertThat(browser.findElement(By.id("results")).getText()).doesNotContain("YES");
    screenshot("not-deadlock-free-results");
  }

  /** {@code --warning} in style.css, as the browser computes it. */
  private static final String WARNING_COLOUR = "rgba(196, 50, 10, 1)";

  @Test
  void aNamedTypeIsOneClickAway() {
    browser.get(base);
    WebElement first =
        waiting()
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#named-types li.named-type")));
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    first.click();
    assertThat(input.getDomProperty("value")).isEqualTo(first.getText());
  }

  @Test
  void aProcessPageShowsItsSourceAndFeatures() throws IOException {
    JsonNode expected = BrowserFixture.deadlockingMatch(BrowserFixture.answer(server));
    browser.get(base + "#/process/" + expected.get("id").asText());
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("process-name"), BrowserFixture.DEADLOCKING));
    assertThat(browser.findElement(By.id("process-source")).getText())
        .isEqualTo(
            Files.readString(BrowserFixture.CONTRACTS.resolve(BrowserFixture.DEADLOCKING)).strip());
    // A table to read: labelled rows in groups, lists as lists, flags as yes or no.
    WebElement features = browser.findElement(By.id("process-features"));
    assertThat(features.findElements(By.cssSelector("table.feature-group caption")))
        .extracting(WebElement::getText)
        .contains("Names", "Structure", "Exploration");
    WebElement deadlock = features.findElement(By.cssSelector("tr[data-feature=deadlockReachable]"));
    assertThat(deadlock.findElement(By.tagName("th")).getText()).isEqualTo("A deadlock is reachable");
    assertThat(deadlock.findElement(By.tagName("td")).getText()).isEqualTo("yes");
    assertThat(
            features.findElements(By.cssSelector("tr[data-feature=declaredNames] td li")))
        .extracting(WebElement::getText)
        .contains("lockA", "lockB");
    assertThat(features.getText()).doesNotContain("{", "[\"");
    screenshot("process-page");
  }
}

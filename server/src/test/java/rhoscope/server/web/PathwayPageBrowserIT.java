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
import rhoscope.indexer.IndexOptions;
import rhoscope.indexer.IndexProgress;
import rhoscope.indexer.ProcessDatabase;
import rhoscope.server.backend.DatabaseService;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.http.TestHttp;

/**
 * The page reads an SBML model's witness in the model's terms: a query naming a species by its
 * SBML name finds Markevich's ERK model (BIOMD0000000029, from the shared corpus), the match shows
 * the model's import warnings, and each frame shows the reaction that fired, what it changed and
 * the species present. Skips when chromium or the corpus is absent.
 */
class PathwayPageBrowserIT {
  private static final Path MODEL =
      Path.of("..", "..", "shared", "corpus", "sbml", "biomodels", "BIOMD0000000029.xml");
  private static final String QUERY = "eventually contains \"ERK-PP\"!(_)";

  @TempDir static Path profile;

  static RhoscopeServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() {
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    var chromium = Chromium.browser();
    var driver = Chromium.driver();
    Assumptions.assumeTrue(
        chromium.isPresent() && driver.isPresent(),
        "browser test skipped: chromium and chromium-driver not found");
    Assumptions.assumeTrue(Files.isRegularFile(MODEL), "shared corpus absent: " + MODEL);
    ProcessDatabase db = ProcessDatabase.open(profile.resolve("db"));
    assertThat(db.index(List.of(MODEL), IndexOptions.defaults(), IndexProgress.NONE).failed())
        .isEmpty();
    server = RhoscopeServer.start(ServerConfig.defaults(new DatabaseService(db)).withPort(0));
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
    Files.createDirectories(WebPageBrowserIT.SCREENSHOTS);
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        shot, WebPageBrowserIT.SCREENSHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aPathwayWitnessShowsReactionsChangesAndPresentSpecies() throws IOException {
    JsonNode expected =
        new TestHttp(server.port()).post("/api/query", Map.of("type", QUERY)).json()
            .get("matches").get(0);
    JsonNode steps = expected.get("witness").get("steps");

    browser.get("http://127.0.0.1:" + server.port() + "/");
    WebElement input = browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys(QUERY);
    browser.findElement(By.id("run-query")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "after the index"));

    WebElement match = browser.findElement(By.cssSelector("#results .match"));
    // how the verdict was reached, as the API says it
    assertThat(match.findElement(By.className("method")).getText())
        .isEqualTo(expected.get("method").asText());
    assertThat(match.findElement(By.cssSelector(".import-warnings summary")).getText())
        .isEqualTo(expected.get("importWarnings").size() + " import warning"
            + (expected.get("importWarnings").size() == 1 ? "" : "s"));
    match.findElement(By.className("show-witness")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("witness")));

    WebElement present = browser.findElement(By.id("frame-present"));
    assertThat(present.getText()).contains("M (ERK)").doesNotContain("Mpp");
    for (int i = 0; i < steps.size(); i++) {
      browser.findElement(By.id("frame-next")).click();
      JsonNode reaction = steps.get(i).get("reaction");
      assertThat(browser.findElement(By.cssSelector("#frame-comm .frame-reaction")).getText())
          .isEqualTo(reaction.get("id").asText() + " — " + reaction.get("name").asText());
      assertThat(browser.findElement(By.cssSelector("#frame-comm .frame-changes")).getText())
          .contains(steps.get(i).get("changes").get(0).get("species").asText());
    }
    assertThat(present.getText()).contains("Mpp (ERK-PP)");
    // the encoded state is one click away, folded
    assertThat(browser.findElement(By.id("frame-encoded")).getDomProperty("open")).isEqualTo("false");
    screenshot("pathway-witness-last-step");
  }

  /**
   * The model uploaded to "Check a process", not stored: its witness panels name the reaction of
   * each step and the species it changed, by their SBML names.
   */
  @Test
  void anUploadedModelIsCheckedAndItsPanelsNameReactionsAndSpecies() throws IOException {
    JsonNode expected =
        new TestHttp(server.port())
            .post("/api/check", Map.of("process", Files.readString(MODEL), "type", QUERY))
            .json();
    assertThat(expected.get("verdict").asText()).isEqualTo("yes");
    JsonNode steps = expected.get("witness").get("steps");

    browser.get("http://127.0.0.1:" + server.port() + "/#/check");
    browser.findElement(By.id("try-file")).sendKeys(MODEL.toAbsolutePath().normalize().toString());
    waiting()
        .until(d -> "sbml".equals(d.findElement(By.id("try-format")).getDomProperty("value")));
    browser.findElement(By.id("try-type")).sendKeys(QUERY);
    browser.findElement(By.id("try-run")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-result")));
    assertThat(browser.findElement(By.id("try-verdict")).getDomAttribute("data-verdict"))
        .isEqualTo("yes");
    assertThat(browser.findElement(By.id("try-verdict")).getText())
        .isEqualTo("can hold \"ERK-PP\"!(_)");

    browser.findElement(By.id("try-witness")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("witness")));
    List<WebElement> panels = browser.findElements(By.cssSelector("#frame-strip .panel"));
    assertThat(panels).hasSize(steps.size() + 1);
    for (int i = 0; i < steps.size(); i++) {
      JsonNode reaction = steps.get(i).get("reaction");
      WebElement panel = panels.get(i + 1);
      assertThat(panel.findElement(By.className("caption")).getText())
          .startsWith(reaction.get("id").asText())
          .contains(reaction.path("name").asText(""));
      JsonNode change = steps.get(i).get("changes").get(0);
      assertThat(panel.findElement(By.cssSelector(".threads .thread")).getText())
          .contains(change.get("species").asText())
          .contains(change.path("name").asText(""));
    }
    browser.findElement(By.id("frame-next")).click();
    assertThat(
            browser.findElement(By.cssSelector("#frame-strip .panel.current")).getDomAttribute("data-frame"))
        .isEqualTo("1");
    screenshot("pathway-check-witness");
  }
}

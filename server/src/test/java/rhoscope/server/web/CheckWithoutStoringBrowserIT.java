package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import rhoscope.lang.diag.LangException;
import rhoscope.server.http.TestHttp;

/**
 * The page's "Check a process": upload a {@code .rho} file (or paste one), pick a named type,
 * read the verdict in the type's words and play its witness frame by frame, forward and back, by
 * button and by key; nothing is stored. A process that does not parse shows its line with a caret.
 */
class CheckWithoutStoringBrowserIT {
  @TempDir static Path dir;

  static PageSession page;
  static TestHttp http;

  @BeforeAll
  static void start() {
    page = PageSession.start(dir);
    http = new TestHttp(page.server.port());
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  private static WebElement byId(String id) {
    return page.browser.findElement(By.id(id));
  }

  private static String currentFrame() {
    List<WebElement> current =
        page.browser.findElements(By.cssSelector("#frame-strip .panel.current"));
    assertThat(current).hasSize(1);
    return current.get(0).getDomAttribute("data-frame");
  }

  @Test
  void anUploadedProcessIsCheckedAgainstANamedTypeAndItsWitnessPlaysFrameByFrame()
      throws IOException {
    Path file =
        BrowserFixture.CONTRACTS.resolve(BrowserFixture.DEADLOCKING).toAbsolutePath().normalize();
    String source = Files.readString(file);
    long stored = http.get("/api/processes").json().get("total").asLong();
    JsonNode expected =
        http.post("/api/check", Map.of("process", source, "type", "deadlock_free")).json();
    assertThat(expected.get("verdict").asText()).isEqualTo("no");
    JsonNode steps = expected.get("witness").get("steps");
    assertThat(steps.size()).isGreaterThanOrEqualTo(2);

    page.browser.get(page.base + "#/check");
    page.waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#try-named option[value=deadlock_free]")));
    byId("try-file").sendKeys(file.toString());
    page.waiting().until(d -> source.equals(byId("try-source").getDomProperty("value")));
    new Select(byId("try-named")).selectByValue("deadlock_free");
    assertThat(byId("try-type").getDomProperty("value")).isEqualTo("deadlock_free");
    byId("try-run").click();

    page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-result")));
    WebElement verdict = byId("try-verdict");
    assertThat(verdict.getText()).isEqualTo("can deadlock");
    assertThat(verdict.getDomAttribute("data-verdict")).isEqualTo("no");
    assertThat(verdict.getDomAttribute("class")).contains("tone-warning");
    assertThat(byId("try-file-name").getText()).isEqualTo(BrowserFixture.DEADLOCKING);
    assertThat(byId("try-detail").getText())
        .contains("shown by a run of " + steps.size() + " steps")
        .contains(expected.get("states").asText() + " states explored");
    page.screenshot("check-upload-verdict");

    byId("try-witness").click();
    page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("witness")));
    assertThat(page.browser.findElements(By.cssSelector("#frame-strip .panel")))
        .hasSize(steps.size() + 1);
    assertThat(currentFrame()).isEqualTo("0");

    byId("frame-next").click();
    assertThat(currentFrame()).isEqualTo("1");
    assertThat(byId("frame-index").getText()).isEqualTo("step 1 of " + steps.size());
    assertThat(byId("frame-comm").findElement(By.className("frame-channel")).getText())
        .isEqualTo(steps.get(0).get("channel").get("spelling").asText());
    // The step's own threads stand out; the ones it left alone are folded away.
    WebElement panel = page.browser.findElement(By.cssSelector("#frame-strip .panel.current"));
    assertThat(panel.findElements(By.cssSelector(".thread.changed, .thread.gone"))).isNotEmpty();
    assertThat(panel.findElements(By.cssSelector("details.folded"))).allSatisfy(
        d -> assertThat(d.getDomProperty("open")).isEqualTo("false"));
    page.screenshot("check-upload-witness-step-1");

    new Actions(page.browser).sendKeys(Keys.ARROW_RIGHT).perform();
    assertThat(currentFrame()).isEqualTo("2");
    assertThat(byId("frame-comm").findElement(By.className("frame-channel")).getText())
        .isEqualTo(steps.get(1).get("channel").get("spelling").asText());
    new Actions(page.browser).sendKeys(Keys.ARROW_LEFT).perform();
    assertThat(currentFrame()).isEqualTo("1");
    byId("frame-prev").click();
    assertThat(currentFrame()).isEqualTo("0");
    assertThat(byId("frame-prev").isEnabled()).isFalse();
    new Actions(page.browser).sendKeys(Keys.END).perform();
    assertThat(currentFrame()).isEqualTo(Integer.toString(steps.size()));
    // The last panel says what the final state shows: the receive the deadlock leaves waiting.
    List<String> findings = new ArrayList<>();
    expected.get("witness").get("findings").forEach(f -> findings.add(f.asText()));
    assertThat(findings).isNotEmpty();
    assertThat(byId("frame-findings").findElements(By.tagName("li")))
        .extracting(li -> li.getDomProperty("textContent"))
        .containsExactlyElementsOf(findings);
    page.screenshot("check-upload-witness-last-step");

    assertThat(http.get("/api/processes").json().get("total").asLong()).isEqualTo(stored);
  }

  @Test
  void aProcessThatDoesNotParseShowsItsLineWithACaret() throws IOException {
    String source = "new x in {\n  x!(1) |\n  for (y <- x { Nil }\n}";
    JsonNode error =
        http.post("/api/check", Map.of("process", source, "type", "deadlock_free")).json();
    int line = error.get("line").asInt();
    int column = error.get("column").asInt();
    assertThat(line).isPositive();

    page.browser.get(page.base + "#/check");
    WebElement text = byId("try-source");
    text.clear();
    text.sendKeys(source);
    byId("try-type").sendKeys("deadlock_free");
    byId("try-run").click();

    WebElement excerpt =
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("try-excerpt")));
    assertThat(excerpt.getDomProperty("textContent"))
        .isEqualTo(LangException.excerpt(source, line, column));
    assertThat(byId("try-error").getText()).contains("line " + line + ":" + column);
    assertThat(byId("try-result").isDisplayed()).isFalse();
    page.screenshot("check-syntax-error");
  }
}

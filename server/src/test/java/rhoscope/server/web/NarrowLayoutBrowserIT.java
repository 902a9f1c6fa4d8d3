package rhoscope.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page on a 400 px wide screen: every view (results with a witness open, checking a process,
 * the listing, a process page) is no wider than the screen, so nothing scrolls sideways.
 */
class NarrowLayoutBrowserIT {
  static final int WIDTH = 400;

  @TempDir static Path dir;

  static PageSession page;

  @BeforeAll
  static void start() {
    page = PageSession.start(dir);
    // The screen of a small phone, whatever the smallest window the platform allows.
    page.browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", WIDTH, "height", 860, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  private static long script(String js) {
    return ((Number) page.browser.executeScript(js)).longValue();
  }

  private static void assertFits(String view) throws IOException {
    long viewport = script("return document.documentElement.clientWidth");
    assertThat(viewport).as("viewport").isEqualTo(WIDTH);
    assertThat(script("return document.documentElement.scrollWidth"))
        .as(view + ": document width")
        .isLessThanOrEqualTo(viewport);
    assertThat(script("return document.body.scrollWidth"))
        .as(view + ": body width")
        .isLessThanOrEqualTo(viewport);
    page.screenshot("narrow-" + view);
  }

  @Test
  void everyViewFitsAFourHundredPixelScreen() throws IOException {
    JsonNode match = BrowserFixture.deadlockingMatch(BrowserFixture.answer(page.server));

    page.browser.get(page.base);
    WebElement input = page.browser.findElement(By.id("query-input"));
    input.clear();
    input.sendKeys(BrowserFixture.QUERY);
    page.browser.findElement(By.id("run-query")).click();
    page.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "after the index"));
    assertFits("query-results");
    page.browser
        .findElement(By.cssSelector("#results .match[data-id='" + match.get("id").asText() + "'] .show-witness"))
        .click();
    page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("witness")));
    page.browser.findElement(By.id("frame-next")).click();
    assertFits("witness");

    page.browser.get(page.base + "#/check");
    page.waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#try-named option[value]")));
    assertFits("check");

    page.browser.get(page.base + "#/processes");
    page.waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-info"), "of"));
    assertFits("processes");

    page.browser.get(page.base + "#/process/" + match.get("id").asText());
    page.waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("process-name"), BrowserFixture.DEADLOCKING));
    page.waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-features tr")));
    assertFits("process");
  }
}

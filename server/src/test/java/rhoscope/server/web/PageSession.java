package rhoscope.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import rhoscope.server.http.RhoscopeServer;

/**
 * A browser on the page of a server over {@link BrowserFixture}'s database, for one test class;
 * skips the class (with the reason) when chromium or its driver is not installed.
 */
final class PageSession implements AutoCloseable {
  final RhoscopeServer server;
  final ChromeDriver browser;
  final String base;

  private PageSession(RhoscopeServer server, ChromeDriver browser) {
    this.server = server;
    this.browser = browser;
    this.base = "http://127.0.0.1:" + server.port() + "/";
  }

  static PageSession start(Path dir) {
    // Selenium warns that it has no DevTools bindings for this Chromium; the tests use none.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    var chromium = Chromium.browser();
    var driver = Chromium.driver();
    Assumptions.assumeTrue(
        chromium.isPresent() && driver.isPresent(),
        "browser test skipped: chromium and chromium-driver not found; run"
            + " scripts/install-test-deps.sh as root (or set RHOSCOPE_CHROMIUM/RHOSCOPE_CHROMEDRIVER)");
    RhoscopeServer server = BrowserFixture.startServer(dir.resolve("db"));
    try {
      return new PageSession(
          server, Chromium.start(chromium.get(), driver.get(), dir.resolve("chromium-profile")));
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** Saves what the browser shows as {@code target/screenshots/NAME.png}, for a person to look at. */
  void screenshot(String name) throws IOException {
    Files.createDirectories(WebPageBrowserIT.SCREENSHOTS);
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        shot, WebPageBrowserIT.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      server.stop();
    }
  }
}

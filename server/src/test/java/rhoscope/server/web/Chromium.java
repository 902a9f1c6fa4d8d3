package rhoscope.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Finds Debian's chromium and chromium-driver (or the paths in {@code RHOSCOPE_CHROMIUM} and
 * {@code RHOSCOPE_CHROMEDRIVER}) and starts a headless, sandbox-free, offline-minded browser with a
 * fresh profile. {@code scripts/install-test-deps.sh} installs both when it can.
 */
final class Chromium {
  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private Chromium() {}

  static Optional<Path> browser() {
    return find("RHOSCOPE_CHROMIUM", BROWSERS);
  }

  static Optional<Path> driver() {
    return find("RHOSCOPE_CHROMEDRIVER", DRIVERS);
  }

  private static Optional<Path> find(String env, List<String> candidates) {
    return Stream.concat(Stream.ofNullable(System.getenv(env)), candidates.stream())
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** A headless browser with a fresh profile under {@code profile}; the caller quits it. */
  static ChromeDriver start(Path browser, Path driver, Path profile) {
    try {
      Files.createDirectories(profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    // Naming the driver binary keeps Selenium Manager (which would go online) out of the way.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    return new ChromeDriver(service, options);
  }
}

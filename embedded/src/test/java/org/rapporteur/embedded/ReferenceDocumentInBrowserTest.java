package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The reference report's document.html in a real headless Chromium (Debian's package): laid out
 * like a UN report on screen and in print, with a full-page screenshot and a PDF left in
 * target/screenshots/ for people to look at. Without Chromium the test is skipped, except on CI,
 * where a missing browser is a broken build.
 */
class ReferenceDocumentInBrowserTest extends ReferenceDemoApiTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static ChromeDriver browser;
  private static Path userDataDir;

  @BeforeAll
  static void startChromium() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason);
      }
      System.out.println("Skipping the browser test: " + reason);
      Assumptions.abort(reason);
    }
    // The driver's path given explicitly: Selenium Manager is never asked to find or fetch one.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    userDataDir = Files.createTempDirectory("rapporteur-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + userDataDir, "--window-size=1280,1024");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (userDataDir != null) {
      try (var files = Files.walk(userDataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** The page as served, saved next to the screenshot, opened from the file: no credentials in the browser. */
  @BeforeEach
  void openTheReferenceReport() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path page = SCREENSHOTS.resolve("un-space-40.html").toAbsolutePath();
    Files.writeString(page, referenceHtml(api()), StandardCharsets.UTF_8);
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen"));
    browser.get(page.toUri().toString());
  }

  @Test
  void paragraphsRunTopToBottomInOrderWithTheirNumbersHangingLeftOfTheText() {
    List<?> problems = (List<?>) browser.executeScript(
        """
        const problems = [];
        const units = [...document.querySelectorAll('.unit')];
        if (units.length !== 25) problems.push('units: ' + units.length);
        let previousBottom = -1;
        units.forEach((unit, i) => {
          const num = unit.querySelector(':scope > .num').getBoundingClientRect();
          const text = unit.querySelector(':scope > .text').getBoundingClientRect();
          const box = unit.getBoundingClientRect();
          if (unit.querySelector(':scope > .num').textContent.trim() !== (i + 1) + '.') problems.push('number of unit ' + i);
          if (box.top < previousBottom - 1) problems.push('unit ' + (i + 1) + ' overlaps or precedes the one before');
          if (num.right > text.left + 1) problems.push('number ' + (i + 1) + ' not left of its text');
          if (Math.abs(num.top - text.top) > 4) problems.push('number ' + (i + 1) + ' not on the first line of its text');
          if (text.left - box.left < 20) problems.push('text of ' + (i + 1) + ' does not hang beside its number');
          previousBottom = box.bottom;
        });
        return problems;
        """);
    assertThat(problems).isEmpty();
  }

  @Test
  void theHeaderTitleChaptersSectionsAgendaAndAnnexAreWhereAReportPutsThem() {
    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) browser.executeScript(
        """
        const rect = s => document.querySelector(s).getBoundingClientRect();
        const body = document.body.getBoundingClientRect();
        const title = rect('.report-title');
        const units = document.querySelectorAll('.unit');
        return {
          titleCentred: Math.abs((title.left + title.right) / 2 - (body.left + body.right) / 2) < 2
              && getComputedStyle(document.querySelector('.report-title')).textAlign === 'center',
          headerBeforeTitle: rect('.parent-meeting').bottom <= title.top,
          chapters: document.querySelectorAll('h2.chapter-heading').length,
          sections: [...document.querySelectorAll('h3.section-heading .num')].map(n => n.textContent.trim()).join(''),
          agendaItems: document.querySelectorAll('#' + CSS.escape(units[5].id) + ' .agenda-item').length,
          annexAfterBody: rect('.annex').top >= units[units.length - 1].getBoundingClientRect().bottom,
          widestRight: Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right)),
          viewport: document.documentElement.clientWidth,
          scrollWidth: document.documentElement.scrollWidth,
        };
        """);
    assertThat(layout)
        .containsEntry("titleCentred", true)
        .containsEntry("headerBeforeTitle", true)
        .containsEntry("chapters", 2L)
        .containsEntry("sections", "A.B.C.D.E.F.G.H.")
        .containsEntry("agendaItems", 9L)
        .containsEntry("annexAfterBody", true);
    assertThat(((Number) layout.get("widestRight")).doubleValue()).isLessThanOrEqualTo(((Number) layout.get("viewport")).doubleValue());
    assertThat(layout.get("scrollWidth")).isEqualTo(layout.get("viewport"));
  }

  @Test
  void printingHidesNothingOfTheReportAndStartsTheAnnexOnANewPage() throws Exception {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    List<?> hidden = (List<?>) browser.executeScript(
        """
        const essential = '.report-header, .report-title, .footnote, .chapter-heading, .section-heading, .unit, .agenda-item, .annex, .officer, .entity, .person';
        return [...document.querySelectorAll(essential)]
            .filter(e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
                           return s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || r.height === 0; })
            .map(e => e.className + ' ' + e.textContent.slice(0, 20));
        """);
    assertThat(hidden).isEmpty();
    assertThat(browser.executeScript("return getComputedStyle(document.querySelector('.annex')).breakBefore")).isEqualTo("page");
    Map<String, Object> pdf = browser.executeCdpCommand(
        "Page.printToPDF", Map.of("printBackground", true, "preferCSSPageSize", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    Files.write(SCREENSHOTS.resolve("un-space-40.pdf"), bytes);
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void aFullPageScreenshotIsLeftForPeopleToLookAt() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip = Map.of(
        "x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    Map<String, Object> shot = browser.executeCdpCommand(
        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    Path png = SCREENSHOTS.resolve("un-space-40.png");
    Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    System.out.println("Screenshot of the reference report: " + png.toAbsolutePath());
    assertThat(Files.size(png)).isGreaterThan(10_000);
    // Close-ups at full resolution: the header and the annex, where layout mistakes show first.
    capture(".report-body .chapter", true, "un-space-40-header.png");
    capture(".annex", false, "un-space-40-annex.png");
  }

  /** The page's full width, from the element's top (or the page's) to the element's bottom. */
  private static void capture(String selector, boolean fromPageTop, String file) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> box = (Map<String, Object>) browser.executeScript(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            + "const top = arguments[1] ? 0 : r.top + scrollY;"
            + "return {x: 0, y: top, width: document.documentElement.scrollWidth, height: r.bottom + scrollY - top, scale: 1};",
        selector, fromPageTop);
    Map<String, Object> shot = browser.executeCdpCommand(
        "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", box));
    Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
  }
}

package org.rapporteur.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in a real headless Chromium (Debian's package), as people use it: a
 * delegate drafts in the report's language, the chair returns the paragraph with a comment, the
 * delegate meets a stale edit, merges and resubmits, the chair approves from the queue and adopts;
 * the chair runs an adoption session while a delegate, in a second browser, follows it live.
 * Every main screen passes axe-core with no serious or critical violation; screenshots land in
 * target/screenshots/. Without Chromium the test is skipped, except on CI.
 */
class WebApplicationInBrowserTest extends ReferenceDemoApiTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String AXE = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js";

  private static final String OPENED = "The meeting opened.";
  private static final String AMENDED = "The Chair opened the meeting on time.";
  private static final String GENEVA = "The meeting agreed to meet again in Geneva.";
  private static final String SILENCE = "The meeting observed a minute of silence.";
  private static final String RESERVATION = "WMO reserved its position.";
  private static ChromeDriver browser;
  private static Path userDataDir;
  private static String axeSource;

  @BeforeAll
  static void startChromium() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String reason = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        fail(reason);
      }
      System.out.println("Skipping the web application's browser test: " + reason);
      Assumptions.abort(reason);
    }
    try (InputStream axe = WebApplicationInBrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
      assertThat(axe).as("axe-core from its WebJar: " + AXE).isNotNull();
      axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    userDataDir = Files.createTempDirectory("rapporteur-web-chromium-");
    browser = chromium(userDataDir);
  }

  private static ChromeDriver chromium(Path dataDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + dataDir, "--window-size=1280,1024", "--lang=en");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver chromium = new ChromeDriver(service, options);
    chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return chromium;
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    delete(userDataDir);
  }

  private static void delete(Path directory) throws IOException {
    if (directory != null) {
      try (var files = Files.walk(directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void aDelegateDraftsTheChairReturnsTheDelegateMergesAStaleEditAndTheChairApprovesAndAdopts() throws Exception {
    Api api = api();
    String reportId = "web-" + UUID.randomUUID();
    assertThat(api.post("secretary", "/api/reports",
        "{\"reportId\":\"" + reportId + "\",\"body\":\"和平利用外层空间机构间会议\",\"sessionNumber\":41,"
            + "\"title\":\"第四十一届会议报告\",\"venue\":\"维也纳\",\"startDate\":\"2022-10-24\","
            + "\"endDate\":\"2022-10-25\",\"language\":\"zh\",\"memberEntities\":[\"ITU\"]}").statusCode()).isEqualTo(201);
    String sectionId = json(api.post("secretary", "/api/reports/" + reportId + "/sections",
        "{\"chapter\":\"I\",\"title\":\"导言\"}")).get("sectionId").asText();

    // GET / leads to the sign-in page; a delegate signs in and finds the report in the list.
    browser.get(base() + "/");
    waitUntil(ExpectedConditions.urlMatches(".*/sign-in$"));
    accessible("sign-in");
    signIn("itu");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(By.xpath("//table[@class='reports']//a[text()='第四十一届会议报告']")));
    assertThat(browser.findElement(By.xpath("//tr[.//a[text()='第四十一届会议报告']]")).getText())
        .contains("和平利用外层空间机构间会议", "41", "Draft");
    accessible("reports");

    // The delegate drafts a paragraph in Chinese and submits it.
    openReport(reportId);
    click("Add a paragraph to “导言”");
    browser.switchTo().activeElement().sendKeys("会议于2022年10月24日开幕。");
    click("Add paragraph");
    WebElement unit = unitWithText("会议于2022年10月24日开幕。");
    assertThat(unit.getText()).contains("1.", "Draft", "by ITU", "revision 1");
    accessible("workspace-delegate");
    click("Submit");
    waitUntil(d -> unitWithText("会议于2022年10月24日开幕。").getText().contains("Submitted"));

    // Another user's changes appear live, without a reload.
    String note = json(api.post("secretary", "/api/reports/" + reportId + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"秘书处的说明。\"}")).get("paragraphId").asText();
    assertThat(unitWithText("秘书处的说明。").getText()).contains("by SECRETARIAT");
    api.send("secretary", "DELETE", "/api/reports/" + reportId + "/paragraphs/" + note, null);
    waitUntil(d -> unitWithText("秘书处的说明。").getText().contains("Withdrawn"));
    waitUntil(ExpectedConditions.textMatches(By.id("live"), java.util.regex.Pattern.compile("^Updated live to position \\d+\\.$")));
    signOut();

    // The chair returns it with a comment; the adoption button says what blocks it.
    signIn("chair");
    openReport(reportId);
    assertThat(browser.findElement(By.id("adoption-blockers")).getText()).contains("paragraph 1 is submitted");
    accessible("workspace-chair");
    click("Return");
    browser.switchTo().activeElement().sendKeys("请注明会议地点。");
    click("Return with comment");
    waitUntil(d -> unitWithText("会议于2022年10月24日开幕。").getText().contains("Returned"));
    signOut();

    // The delegate revises; meanwhile the secretary revises the same paragraph through the API.
    signIn("itu");
    openReport(reportId);
    String paragraphId = paragraphId(api, reportId);
    click("Revise");
    WebElement text = browser.switchTo().activeElement();
    text.sendKeys(Keys.chord(Keys.CONTROL, "a"), "会议于2022年10月24日在维也纳开幕。");
    assertThat(api.put("secretary", "/api/reports/" + reportId + "/paragraphs/" + paragraphId,
        "{\"text\":\"会议于2022年10月24日开幕，主席致开幕词。\",\"baseRevision\":1}").statusCode()).isEqualTo(200);
    click("Save revision");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".conflict .diff")));
    assertThat(browser.findElement(By.cssSelector(".conflict")).getText()).contains("revision 2", "会议于2022年10月24日开幕，主席致开幕词。");
    assertThat(browser.findElements(By.cssSelector(".conflict .diff ins"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".conflict .diff del"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(".editor textarea")).getDomProperty("value"))
        .as("the delegate's text is kept").isEqualTo("会议于2022年10月24日在维也纳开幕。");
    screenshot("stale-edit");
    accessible("stale-edit");
    WebElement merged = browser.findElement(By.cssSelector(".editor textarea"));
    merged.sendKeys(Keys.END, "主席致开幕词。");
    click("Save over revision 2");
    unit = unitWithText("会议于2022年10月24日在维也纳开幕。主席致开幕词。");
    assertThat(unit.getText()).contains("revision 3");
    click("Submit");
    waitUntil(d -> unitWithText("会议于2022年10月24日在维也纳开幕。主席致开幕词。").getText().contains("Submitted"));
    signOut();

    // The chair approves that exact revision from the queue, then adopts the report.
    signIn("chair");
    browser.get(base() + "/app#/approvals");
    WebElement approve = waitUntil(ExpectedConditions.elementToBeClickable(
        By.xpath("//tr[.//a[text()='" + reportId + "']]//button[text()='Approve revision 3']")));
    accessible("approvals");
    screenshot("approvals");
    approve.click();
    waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//a[text()='" + reportId + "']")));
    openReport(reportId);
    assertThat(browser.findElement(By.id("adoption-blockers")).getText()).contains("Every paragraph is approved");
    click("Adopt the report");
    waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "Adopted"));
    screenshot("workspace-adopted");
    signOut();
  }

  @Test
  void theChairRunsAnAdoptionSessionWhileADelegateFollowsItLiveInASecondBrowser() throws Exception {
    Api api = api();
    String reportId = "web-session-" + UUID.randomUUID();
    String report = "/api/reports/" + reportId;
    assertThat(api.post("secretary", "/api/reports", createReport(reportId)).statusCode()).isEqualTo(201);
    String sectionId = json(api.post("secretary", report + "/sections", "{\"chapter\":\"I\",\"title\":\"Introduction\"}"))
        .get("sectionId").asText();
    String opened = approved(api, report, sectionId, OPENED);
    String geneva = approved(api, report, sectionId, GENEVA);
    String first = "#session-" + opened;
    String second = "#session-" + geneva;

    Path delegateData = Files.createTempDirectory("rapporteur-web-chromium-delegate-");
    ChromeDriver delegate = chromium(delegateData);
    try {
      // The delegate opens the session screen first and only follows: no action is offered.
      delegate.get(base() + "/sign-in");
      waitIn(delegate, ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("itu");
      delegate.findElement(By.id("password")).sendKeys("demo", Keys.ENTER);
      waitIn(delegate, ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
      delegate.get(base() + "/app#/reports/" + reportId + "/session");
      waitIn(delegate, ExpectedConditions.textToBe(By.id("report-status"), "Draft"));

      browser.get(base() + "/sign-in");
      signIn("chair");
      browser.get(base() + "/app#/reports/" + reportId + "/session");
      waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "Draft"));
      click("Open the adoption session");
      waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "In session"));
      waitIn(delegate, ExpectedConditions.textToBe(By.id("report-status"), "In session"));
      assertThat(delegate.findElements(By.cssSelector("main button"))).as("a delegate only follows").isEmpty();
      // The workspace in session sends the delegate to the session screen (by keyboard).
      delegate.get(base() + "/app#/reports/" + reportId);
      waitIn(delegate, ExpectedConditions.visibilityOfElementLocated(By.linkText("Go to the adoption session"))).sendKeys(Keys.ENTER);
      waitIn(delegate, ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("^Adoption session: .+")));
      waitIn(delegate, ExpectedConditions.textToBe(By.id("report-status"), "In session"));

      // From the floor, WMO proposes words; the chair records them beside the text.
      click("Oral amendment to paragraph 1");
      WebElement amendment = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("session-" + opened + "-amendment")));
      amendment.sendKeys(Keys.chord(Keys.CONTROL, "a"), AMENDED);
      new Select(browser.findElement(By.id("session-" + opened + "-proposed-by"))).selectByValue("WMO");
      click("Record the oral amendment");
      waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(first + " .amendments"), "Proposed by WMO"));
      waitIn(delegate, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(first + " .amendments"), "Proposed by WMO"));

      // The chair brackets paragraph 2, inserts a paragraph after paragraph 1 (numbered 1 bis) and
      // records WMO's reservation on paragraph 1.
      click("Bracket paragraph 2");
      waitUntil(ExpectedConditions.textToBe(By.cssSelector(second + " .text"), "[" + GENEVA + "]"));
      waitIn(delegate, ExpectedConditions.textToBe(By.cssSelector(second + " .text"), "[" + GENEVA + "]"));
      click("Insert after paragraph 1");
      waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("session-" + opened + "-insert"))).sendKeys(SILENCE);
      click("Insert the paragraph");
      By bis = By.xpath("//li[contains(@class,'unit')][.//p[@class='text' and text()='" + SILENCE + "']]/span[@class='num']");
      waitUntil(ExpectedConditions.textToBe(bis, "1 bis."));
      waitIn(delegate, ExpectedConditions.textToBe(bis, "1 bis."));
      click("Reservation on paragraph 1");
      new Select(waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("session-" + opened + "-entity")))).selectByValue("WMO");
      browser.findElement(By.id("session-" + opened + "-reservation")).sendKeys(RESERVATION);
      click("Record the reservation");
      waitIn(delegate, ExpectedConditions.textToBe(By.cssSelector(first + " .reservation"), "Reservation (WMO): " + RESERVATION));
      accessible("session");
      screenshot("session");

      // The chair accepts the amendment; the report cannot be adopted before its paragraphs are.
      click("Accept");
      waitUntil(ExpectedConditions.textToBe(By.cssSelector(first + " .text"), AMENDED));
      waitIn(delegate, ExpectedConditions.textToBe(By.cssSelector(first + " .text"), AMENDED));
      assertThat(browser.findElement(By.cssSelector(first + " .meta")).getText()).contains("orally amended");
      click("Adopt the report");
      assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".adoption .error"))).getText())
          .as("the problem's detail, in words").isNotBlank().doesNotContain("urn:");

      // Adopting paragraph 2 lifts its brackets; then paragraphs 1 and 1 bis, and the report ad referendum.
      click("Adopt paragraph 2 (removes the brackets)");
      waitUntil(ExpectedConditions.textToBe(By.cssSelector(second + " .text"), GENEVA));
      waitIn(delegate, ExpectedConditions.textToBe(By.cssSelector(second + " .text"), GENEVA));
      assertThat(delegate.findElement(By.cssSelector(second + " .meta")).getText()).contains("Adopted");
      click("Adopt paragraph 1");
      waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(first + " .meta"), "Adopted"));
      click("Adopt paragraph 1 bis");
      waitUntil(ExpectedConditions.textToBe(By.id("session-progress"), "Every paragraph is adopted in session."));
      browser.findElement(By.id("ad-referendum")).click();
      click("Adopt the report");
      waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "Adopted ad referendum"));
      waitIn(delegate, ExpectedConditions.textToBe(By.id("report-status"), "Adopted ad referendum"));
      click("Confirm the adoption");
      waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "Adopted"));
      waitIn(delegate, ExpectedConditions.textToBe(By.id("report-status"), "Adopted"));
      assertThat(delegate.findElement(By.id("live")).getText()).startsWith("Updated live to position");
      signOut();
    } finally {
      delegate.quit();
      delete(delegateData);
    }
  }

  /** A paragraph ITU drafts and the chair approves, read back once the draft shows it approved. */
  private static String approved(Api api, String report, String sectionId, String text) throws Exception {
    String paragraphId = json(api.post("itu", report + "/paragraphs",
        "{\"sectionId\":\"" + sectionId + "\",\"text\":\"" + text + "\"}")).get("paragraphId").asText();
    long position = json(api.post("chair", report + "/paragraphs/" + paragraphId + "/approval", "{\"revision\":1}"))
        .get("position").asLong();
    assertThat(api.getWhenProjected(report.substring("/api/reports/".length()), position, Duration.ofSeconds(60)).statusCode())
        .isEqualTo(200);
    return paragraphId;
  }

  @Test
  void theDemoReportReadsAsTheDocumentWithEnglishLabelsAndChineseContent() throws Exception {
    api().getWhenProjected(REPORT, demoPosition(api()), Duration.ofSeconds(60));
    browser.get(base() + "/sign-in");
    signIn("auditor");
    openReport(REPORT);
    @SuppressWarnings("unchecked")
    Map<String, Object> page = (Map<String, Object>) browser.executeScript(
        """
        return {
          lang: document.documentElement.lang,
          titleLang: document.querySelector('h1').lang,
          chapters: [...document.querySelectorAll('.chapter > h2')].map(h => h.textContent),
          sections: [...document.querySelectorAll('.section > h3 .num')].map(n => n.textContent).join(''),
          numbers: [...document.querySelectorAll('.unit > .num')].map(n => n.textContent).filter(n => n !== '–').length,
          metas: [...document.querySelectorAll('.unit .meta')].map(m => m.textContent),
          actions: document.querySelectorAll('.unit .actions button').length,
          scrollWidth: document.documentElement.scrollWidth,
          viewport: document.documentElement.clientWidth,
        };
        """);
    assertThat(page).containsEntry("lang", "en").containsEntry("titleLang", "zh")
        .containsEntry("sections", "A.B.C.D.E.F.G.H.").containsEntry("numbers", 25L)
        .containsEntry("actions", 0L);
    assertThat(page.get("chapters")).isEqualTo(List.of("Chapter I", "Chapter II"));
    assertThat(page.get("metas").toString()).contains("Paragraph", "revision");
    screenshot("workspace-reference");
    accessible("workspace-reference");

    // The auditor travels back in time, one position earlier than now.
    browser.findElement(By.linkText("Earlier versions")).click();
    String now = waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("position"))).getDomProperty("max");
    click("Earlier");
    long earlier = Long.parseLong(now) - 1;
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "The draft at position " + earlier + " of " + now));
    accessible("time-travel");
    screenshot("time-travel");

    // ... opens the history of one paragraph ...
    openReport(REPORT);
    browser.findElements(By.linkText("History")).get(0).click();
    waitUntil(ExpectedConditions.textMatches(By.tagName("h1"), java.util.regex.Pattern.compile("^History of paragraph .+")));
    assertThat(browser.findElements(By.cssSelector(".revision"))).isNotEmpty();
    accessible("paragraph-history");

    // ... and filters the audit trail by event type.
    browser.get(base() + "/app#/reports/" + REPORT + "/audit?type=ParagraphDrafted");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.audit tbody tr")));
    assertThat(browser.findElements(By.cssSelector("table.audit tbody tr td:nth-child(3)")))
        .extracting(WebElement::getText).isNotEmpty().allMatch("ParagraphDrafted"::equals);
    accessible("audit");
    screenshot("audit");
    openReport(REPORT);

    // Readable at 200% zoom: nothing runs off the side of the page.
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 640, "height", 512, "deviceScaleFactor", 2, "mobile", false));
    try {
      Object overflow = browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
      screenshot("workspace-reference-200-percent");
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    signOut();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void signIn(String user) {
    waitUntil(ExpectedConditions.urlMatches(".*/sign-in$"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo", Keys.ENTER);
    waitUntil(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
  }

  private void signOut() {
    browser.findElement(By.id("sign-out")).click();
    waitUntil(ExpectedConditions.urlMatches(".*/sign-in$"));
  }

  private void openReport(String reportId) {
    browser.get(base() + "/app#/reports/" + reportId);
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("report-status")));
  }

  /** Clicks the button once it is clickable; a live redraw replacing it meanwhile means trying the new one. */
  private void click(String label) {
    By button = By.xpath("//button[normalize-space()='" + label + "']");
    waitUntil(d -> {
      WebElement clickable = ExpectedConditions.elementToBeClickable(button).apply(d);
      if (clickable == null) {
        return null;
      }
      clickable.click();
      return true;
    });
  }

  private WebElement unitWithText(String text) {
    return waitUntil(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//li[contains(@class,'unit')][.//p[contains(@class,'text') and text()='" + text + "']]")));
  }

  private static String paragraphId(Api api, String reportId) throws Exception {
    JsonNode draft = json(api.get("auditor", "/api/reports/" + reportId));
    for (JsonNode unit : draft.get("sections").get(0).get("paragraphs")) {
      if ("ITU".equals(unit.path("authorEntity").asText())) {
        return unit.get("paragraphId").asText();
      }
    }
    throw new AssertionError("no paragraph of ITU in " + draft);
  }

  /** Waits for the condition; if it never holds, says where the browser was and what it logged. */
  private <T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
    return waitIn(browser, condition);
  }

  private static <T> T waitIn(ChromeDriver driver, java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::toString).collect(java.util.stream.Collectors.joining("\n"));
      throw new AssertionError("at " + driver.getCurrentUrl() + ", the page reading:\n"
          + driver.findElement(By.tagName("body")).getText() + "\nthe browser's console:\n" + console, e);
    }
  }

  /** axe-core on the page as it stands: serious and critical violations fail the test. */
  private void accessible(String screen) {
    browser.executeScript("window.eval(arguments[0])", axeSource);
    List<?> violations = (List<?>) browser.executeAsyncScript(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
        """);
    assertThat(violations).as("axe-core on " + screen).isEmpty();
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    Files.write(SCREENSHOTS.resolve("web-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}

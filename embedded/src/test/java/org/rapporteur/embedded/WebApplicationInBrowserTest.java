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
    screenshot("reports");

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
    browser.executeScript("document.querySelector('.editor').scrollIntoView()");
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
      capture("workspace-reference-200-percent", Map.of("format", "png"));
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    signOut();
  }

  @Test
  void theSecretaryCreatesAReportAndSetsItUpAndTheChairAdoptsTheAgendaEachAsTheRoleAllows() throws Exception {
    Api api = api();
    String title = "Report of the forty-second session " + UUID.randomUUID();
    browser.get(base() + "/sign-in");
    signIn("secretary");
    browser.findElement(By.linkText("Create a report")).click();
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Create a report"));
    accessible("new-report");
    browser.findElement(By.id("create-title")).sendKeys(title);
    browser.findElement(By.id("create-body")).sendKeys("Inter-Agency Meeting on Outer Space Activities");
    browser.findElement(By.id("create-sessionNumber")).sendKeys("42");
    browser.findElement(By.id("create-venue")).sendKeys("Geneva");
    // A date field's typed form follows the browser's locale; its value is ISO-8601 whatever the locale.
    browser.executeScript("arguments[0].value = '2023-05-03'; arguments[1].value = '2023-05-05'",
        browser.findElement(By.id("create-startDate")), browser.findElement(By.id("create-endDate")));
    browser.findElement(By.id("create-memberEntities")).sendKeys("itu");
    screenshot("new-report");
    click("Create the report");
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Agenda, sections and participants"));
    String reportId = browser.getCurrentUrl().replaceAll(".*#/reports/([^/]+)/setup$", "$1");
    assertThat(browser.findElement(By.id("agenda-status")).getText()).isEqualTo("No agenda item yet.");

    // The agenda: three items proposed, one amended, one withdrawn.
    for (String item : List.of("Opening of the session", "Adoption of the agenda", "Other matter")) {
      browser.findElement(By.id("propose-title")).sendKeys(item);
      click("Propose the item");
      waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath("//li[contains(@class,'agenda-item')][.//span[text()='" + item + "']]")));
    }
    clickLabelled("Amend “Other matter”");
    WebElement amended = browser.switchTo().activeElement();
    amended.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Space weather");
    click("Save the title");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath("//li[contains(@class,'agenda-item')][.//span[text()='Space weather']]")));
    browser.findElement(By.id("propose-title")).sendKeys("Any other business");
    click("Propose the item");
    clickLabelled("Withdraw “Any other business”", By.xpath("//li[contains(@class,'status-withdrawn')][.//span[text()='Any other business']]"));

    // Members: an unknown code is refused in words, a known one is added.
    browser.findElement(By.id("add-member-entity")).sendKeys("XYZ");
    click("Add the member");
    assertThat(waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#add-member .error"))).getText())
        .contains("XYZ");
    browser.findElement(By.id("add-member-entity")).clear();
    browser.findElement(By.id("add-member-entity")).sendKeys("wmo");
    click("Add the member");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath("//ul[@class='members']/li[strong='WMO']")));

    // Participants: added with a role.
    browser.findElement(By.id("add-participant-entity")).sendKeys("ITU");
    browser.findElement(By.id("add-participant-name")).sendKeys("Ms. A. Example");
    click("Add the participant");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@class='participants']//td[text()='Ms. A. Example']")));
    accessible("setup-secretary");
    signOut();

    // The chair adopts the agenda and is offered nothing else here.
    signIn("chair");
    browser.get(base() + "/app#/reports/" + reportId + "/setup");
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Agenda, sections and participants"));
    assertThat(browser.findElements(By.cssSelector("form.command"))).isEmpty();
    accessible("setup-chair");
    click("Adopt the agenda");
    waitUntil(ExpectedConditions.textToBe(By.id("agenda-status"), "The agenda is adopted: its items are numbered and fixed."));
    assertThat(browser.findElements(By.xpath("//button[normalize-space()='Adopt the agenda']"))).isEmpty();
    signOut();

    // The secretary lays out two sections of chapter I, each covering an adopted item.
    signIn("secretary");
    browser.get(base() + "/app#/reports/" + reportId + "/setup");
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Agenda, sections and participants"));
    assertThat(browser.findElements(By.id("propose"))).as("the adopted agenda takes no new item").isEmpty();
    for (List<String> section : List.of(List.of("Opening of the session", "1. Opening of the session"),
        List.of("Space weather", "3. Space weather"))) {
      browser.findElement(By.id("add-section-chapter")).sendKeys("i");
      browser.findElement(By.id("add-section-title")).sendKeys(section.get(0));
      browser.findElement(By.xpath("//fieldset[@id='add-section-agendaItemIds']//label[normalize-space()='" + section.get(1) + "']")).click();
      click("Add the section");
      waitUntil(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@class='sections']//td[text()='" + section.get(0) + "']")));
    }
    accessible("setup-sections");
    browser.executeScript("window.scrollTo(0, 0)");
    screenshot("setup");
    signOut();

    // A delegate of a member entity sees the set-up, offered nothing to change there, and drafts in the sections.
    signIn("wmo");
    waitUntil(ExpectedConditions.visibilityOfElementLocated(By.linkText(title)));
    browser.get(base() + "/app#/reports/" + reportId + "/setup");
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Agenda, sections and participants"));
    assertThat(browser.findElements(By.cssSelector("form.command, .agenda-item button"))).isEmpty();
    openReport(reportId);
    assertThat(browser.findElements(By.xpath("//button[normalize-space()='Add a paragraph to section B']"))).hasSize(1);
    click("Propose a decision in section B");
    new Select(browser.findElement(By.xpath("//select[starts-with(@id,'decision-')]"))).selectByVisibleText("Noted");
    browser.findElement(By.xpath("//textarea[starts-with(@id,'decision-')]")).sendKeys("The Meeting noted the outlook for space weather.");
    accessible("propose-decision");
    click("Propose the decision");
    assertThat(unitWithText("The Meeting noted the outlook for space weather.").getText())
        .contains("Decision (Noted)", "Proposed", "by WMO");
    signOut();

    JsonNode draft = json(api.get("auditor", "/api/reports/" + reportId));
    assertThat(draft.get("body").asText()).isEqualTo("Inter-Agency Meeting on Outer Space Activities");
    assertThat(draft.get("startDate").asText()).isEqualTo("2023-05-03");
    assertThat(draft.get("agenda").findValuesAsText("status")).containsExactly("ADOPTED", "ADOPTED", "ADOPTED", "WITHDRAWN");
    assertThat(draft.get("agenda").findValuesAsText("title"))
        .containsExactly("Opening of the session", "Adoption of the agenda", "Space weather", "Any other business");
    assertThat(draft.get("sections").findValuesAsText("letter")).containsExactly("A", "B");
    assertThat(draft.get("sections").get(1).get("agendaItemIds").get(0).asText())
        .isEqualTo(draft.get("agenda").get(2).get("itemId").asText());
    assertThat(draft.get("participants").get(0).get("role").asText()).isEqualTo("REPRESENTATIVE");
    assertThat(draft.get("memberEntities").toString()).isEqualTo("[\"ITU\",\"WMO\"]");
    assertThat(draft.get("decisions").get(0).get("kind").asText()).isEqualTo("NOTED");
    assertThat(draft.get("decisions").get(0).get("sectionId").asText()).isEqualTo(draft.get("sections").get(1).get("sectionId").asText());
  }

  @Test
  void aDelegateOfANonMemberEntityNeverSeesTheReport() throws Exception {
    Api api = api();
    String reportId = "web-closed-" + UUID.randomUUID();
    String title = "Closed report " + reportId;
    var created = api.post("secretary", "/api/reports",
        "{\"reportId\":\"" + reportId + "\",\"body\":\"Meeting\",\"sessionNumber\":1,\"title\":\"" + title
            + "\",\"venue\":\"Vienna\",\"startDate\":\"2024-01-10\",\"endDate\":\"2024-01-11\",\"language\":\"en\","
            + "\"memberEntities\":[\"ITU\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    // The projection holds the report (the auditor sees it) before the delegate looks.
    assertThat(api.getWhenProjected(reportId, json(created).get("position").asLong(), Duration.ofSeconds(60)).statusCode())
        .isEqualTo(200);

    browser.get(base() + "/sign-in");
    signIn("unodc");
    waitUntil(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(title, reportId);

    browser.get(base() + "/app#/reports/" + reportId);
    waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Not found"));
    String hidden = browser.findElement(By.cssSelector("main .error")).getText();
    assertThat(hidden).contains(reportId);
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(title).contains("Back to the reports");
    accessible("not-found");
    screenshot("not-found");

    // Word for word what a report that does not exist answers: nothing tells the two apart.
    String missing = "web-missing-" + UUID.randomUUID();
    clearPage();
    browser.get(base() + "/app#/reports/" + missing);
    waitUntil(ExpectedConditions.textToBe(By.cssSelector("main .error"), hidden.replace(reportId, missing)));

    for (String screen : List.of("/setup", "/audit", "/at/1")) {
      clearPage();
      browser.get(base() + "/app#/reports/" + reportId + screen);
      waitUntil(ExpectedConditions.textToBe(By.cssSelector("main .error"), hidden));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
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

  /** Empties the page, so that what the next screen draws cannot be mistaken for the last one's. */
  private void clearPage() {
    browser.executeScript("document.getElementById('main').replaceChildren()");
  }

  /** Clicks the button an accessible name tells apart from others of the same text. */
  private void clickLabelled(String label) {
    waitUntil(ExpectedConditions.elementToBeClickable(By.xpath("//button[@aria-label='" + label + "']"))).click();
  }

  private void clickLabelled(String label, By thenPresent) {
    clickLabelled(label);
    waitUntil(ExpectedConditions.presenceOfElementLocated(thenPresent));
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

  /** 1280×800 of the page from where it is scrolled to, the size of the README's pictures (docs/screenshots/). */
  private static void screenshot(String name) throws IOException {
    List<?> scrolled = (List<?>) browser.executeScript("return [window.scrollX, window.scrollY]");
    capture(name, Map.of("format", "png", "clip", Map.of("x", scrolled.get(0), "y", scrolled.get(1),
        "width", 1280, "height", 800, "scale", 1)));
  }

  private static void capture(String name, Map<String, Object> parameters) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", parameters);
    Files.write(SCREENSHOTS.resolve("web-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }
}

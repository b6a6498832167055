package dev.newsindex.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsindex.NewsIndex;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real browser (Debian's chromium, driven through /usr/bin/chromedriver): one
 * browser for the whole class, over the real server on a free loopback port. Screenshots go to
 * target/screenshots for a person to look at.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  static Path tmp;
  static NewsIndex index;
  static NewsServer server;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static Path shots;

  @BeforeAll
  static void start() throws IOException {
    boolean browserThere = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    String why = "BrowserTest skipped: no /usr/bin/chromium and /usr/bin/chromedriver"
        + " (./run-tests installs them as root with apt: chromium chromium-driver)";
    if (!browserThere) {
      System.err.println(why); // Surefire counts skipped tests but does not print the reason
    }
    Assumptions.assumeTrue(browserThere, why);
    Path dir = tmp.resolve("index");
    TestIndex.build(dir);
    index = NewsIndex.open(dir);
    server = NewsServer.start(index, ServerOptions.builder()
        .address(InetAddress.getLoopbackAddress(), 0).build());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1366,900",
        "--lang=en-GB", "--no-first-run", "--disable-extensions");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    shots = Path.of(System.getProperty("screenshots", "target/screenshots"));
    Files.createDirectories(shots);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (index != null) {
      index.close();
    }
  }

  @BeforeEach
  void desktop() {
    browser.manage().window().setSize(new Dimension(1366, 900));
  }

  static void open(String pathAndQuery) {
    browser.get(server.uri().resolve(pathAndQuery).toString());
    settle();
  }

  /** Waits until no search is loading and the hits list reflects the URL. */
  static void settle() {
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return document.readyState === 'complete' && !document.body.classList.contains('loading')"
            + " && (document.getElementById('count').textContent.trim() !== ''"
            + " || !document.getElementById('error').hidden"
            + " || !document.getElementById('article-view').hidden)"));
  }

  static String url() {
    return URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
  }

  static List<WebElement> hits() {
    return browser.findElements(By.cssSelector("#hits .hit"));
  }

  static void screenshot(String name) throws IOException {
    Files.write(shots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  static void typeQuery(String q) {
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    String before = (String) browser.executeScript("return document.getElementById('count')"
        + ".textContent");
    box.sendKeys(q);
    // Live search: the debounced request runs without Enter.
    wait.until(d -> url().contains("q=" + q.replace(' ', '+')));
    wait.until(d -> !before.equals(d.findElement(By.id("count")).getText()));
    settle();
  }

  @Test
  @Order(1)
  void typingAQueryShowsHighlightedHitsAndPutsItInTheUrl() throws IOException {
    open("/");
    assertTrue(browser.findElement(By.id("count")).getText().contains("stories, newest first"));
    typeQuery("korea");
    List<WebElement> hits = hits();
    assertEquals(7, hits.size());
    assertTrue(browser.findElement(By.id("count")).getText().startsWith("7 stories"));
    for (WebElement hit : hits) {
      List<WebElement> marks = hit.findElements(By.tagName("mark"));
      assertFalse(marks.isEmpty(), hit.getText());
      for (WebElement m : marks) {
        assertTrue(m.getText().toLowerCase().startsWith("korea"), m.getText());
      }
    }
    WebElement firstTitle = hits.get(0).findElement(By.cssSelector(".title mark"));
    assertEquals("Korea", firstTitle.getText());
    assertTrue(url().endsWith("/?q=korea"), url());
    screenshot("desktop-results");
  }

  @Test
  @Order(2)
  void clickingATimelineBarFiltersToItsMonth() {
    open("/?q=korea");
    List<WebElement> bars = browser.findElements(By.cssSelector("#timeline .bar:not([disabled])"));
    assertEquals(6, bars.size(), "months from 2023-09 to 2024-02");
    WebElement november = bars.stream().filter(b -> "2023-11".equals(b.getDomAttribute(
        "data-value"))).findFirst().orElseThrow();
    november.click();
    wait.until(d -> url().contains("since=2023-11&until=2023-11"));
    settle();
    List<WebElement> hits = hits();
    assertEquals(2, hits.size());
    for (WebElement hit : hits) {
      assertTrue(hit.findElement(By.cssSelector(".date")).getText().endsWith("Nov 2023"),
          hit.getText());
    }
    assertEquals("2023-11", browser.findElement(By.cssSelector("#chips .chip span")).getText());
    assertTrue(browser.findElements(By.cssSelector("#timeline .bar")).size() >= 2,
        "within one month the timeline shows days");
    browser.findElement(By.cssSelector("#chips .chip-x")).click();
    wait.until(d -> !url().contains("since="));
    settle();
    assertEquals(7, hits().size());
    browser.navigate().back();
    wait.until(d -> url().contains("since=2023-11"));
    settle();
    assertEquals(2, hits().size(), "the back button restores the filter");
  }

  @Test
  @Order(3)
  void clickingASourceFiltersToIt() {
    open("/?q=korea");
    WebElement menafn = browser.findElement(By.cssSelector("#sources .source-btn[data-source="
        + "'MENAFN']"));
    assertTrue(menafn.getText().contains("3"));
    menafn.click();
    wait.until(d -> url().contains("source=MENAFN"));
    settle();
    List<WebElement> hits = hits();
    assertEquals(3, hits.size());
    for (WebElement hit : hits) {
      assertEquals("MENAFN", hit.findElement(By.cssSelector(".source")).getText());
    }
    assertEquals("true", browser.findElement(By.cssSelector("#sources .source-btn.on"))
        .getDomAttribute("aria-pressed"));
  }

  @Test
  @Order(4)
  void anArticleShowsItsTextRelatedStoriesAndCopies() throws IOException {
    open("/?q=coffee");
    List<WebElement> hits = hits();
    assertEquals(1, hits.size(), "the three copies are collapsed into one hit");
    WebElement copies = hits.get(0).findElement(By.cssSelector("button.copies"));
    assertEquals("Show 2 copies", copies.getText());
    copies.click();
    wait.until(d -> hits().get(0).findElements(By.cssSelector(".copy-list li")).size() == 2);
    hits.get(0).findElement(By.cssSelector(".title-link")).click();
    wait.until(d -> url().contains("id="));
    wait.until(d -> d.findElements(By.cssSelector("#a-duplicates li")).size() == 2);
    wait.until(d -> !d.findElements(By.cssSelector("#a-related .mini-item")).isEmpty());
    String id = url().replaceAll(".*id=", "");
    List<String> copyIds = browser.findElements(By.cssSelector("#a-duplicates .mini-item"))
        .stream().map(e -> e.getDomAttribute("data-id")).sorted().toList();
    List<String> group = new java.util.ArrayList<>(List.of("copy-coffee-1", "copy-coffee-2",
        "wire-0001"));
    group.remove(id);
    assertEquals(group, copyIds);
    assertTrue(browser.findElement(By.id("a-body")).getText().contains("Arabica coffee"));
    assertTrue(browser.findElements(By.cssSelector("#a-body p")).size() >= 3, "paragraphs");
    screenshot("desktop-article");
    browser.findElement(By.cssSelector("#a-related .mini-title")).click();
    wait.until(d -> !url().endsWith("id=" + id));
    browser.navigate().back();
    wait.until(d -> url().endsWith("id=" + id));
    browser.findElement(By.id("back")).click();
    wait.until(d -> !url().contains("id="));
    settle();
    assertTrue(url().endsWith("?q=coffee"), url());
  }

  @Test
  @Order(5)
  void markupInAnArticleIsShownAsText() {
    open("/?q=ferry+timetable");
    assertEquals("Ferry timetable <b>changes</b> & the <script> tag",
        hits().get(0).findElement(By.cssSelector(".title")).getText());
    hits().get(0).findElement(By.cssSelector(".title-link")).click();
    wait.until(d -> d.findElement(By.id("a-title")).getText().startsWith("Ferry"));
    WebElement body = browser.findElement(By.id("a-body"));
    wait.until(d -> body.getText().contains("<script>"));
    assertTrue(body.getText().contains("<script>document.title=\"pwned\"</script>"),
        body.getText());
    assertTrue(body.getText().contains("<img src=x onerror="));
    assertTrue(body.findElements(By.tagName("script")).isEmpty());
    assertTrue(body.findElements(By.tagName("img")).isEmpty());
    assertTrue(body.findElements(By.tagName("i")).isEmpty());
    assertEquals("Ferry timetable <b>changes</b> & the <script> tag",
        browser.findElement(By.id("a-title")).getText());
    assertFalse(browser.getTitle().contains("pwned"), browser.getTitle());
  }

  @Test
  @Order(6)
  void theKeyboardSearchesMovesAndOpens() {
    open("/?q=korea");
    browser.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", browser.switchTo().activeElement().getDomAttribute("id"));
    browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    WebElement first = browser.switchTo().activeElement();
    assertEquals(hits().get(0).getDomAttribute("data-id"), first.getDomAttribute("data-id"));
    first.sendKeys(Keys.ARROW_DOWN);
    WebElement second = browser.switchTo().activeElement();
    assertEquals(hits().get(1).getDomAttribute("data-id"), second.getDomAttribute("data-id"));
    String id = second.getDomAttribute("data-id");
    second.sendKeys(Keys.ENTER);
    wait.until(d -> url().endsWith("id=" + id));
    wait.until(d -> !d.findElement(By.id("a-title")).getText().equals("…"));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(d -> !url().contains("id="));
  }

  @Test
  @Order(7)
  void aMisspeltQueryOffersTheCorrection() {
    open("/?q=koreaa");
    WebElement suggestion = browser.findElement(By.cssSelector("#dym .suggestion"));
    assertEquals("korea", suggestion.getText());
    suggestion.click();
    wait.until(d -> url().endsWith("?q=korea"));
    settle();
    assertEquals(7, hits().size());
  }

  @Test
  @Order(8)
  void aBadQueryPointsAtItsPosition() {
    open("/?q=korea+AND+(missile");
    WebElement error = browser.findElement(By.id("error"));
    assertTrue(error.isDisplayed());
    assertTrue(error.getText().contains("bad query at position 19"), error.getText());
  }

  @Test
  @Order(8)
  void sortAndPagingAreInTheUrl() {
    open("/?q=*");
    assertEquals(10, hits().size());
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort")))
        .selectByValue("oldest");
    wait.until(d -> url().contains("sort=oldest"));
    settle();
    assertEquals("13 Sept 2023", hits().get(0).findElement(By.cssSelector(".date")).getText(),
        "the oldest bundled article first");
    String firstPage = hits().get(0).getDomAttribute("data-id");
    browser.findElement(By.id("next")).click();
    wait.until(d -> url().contains("offset=10"));
    settle();
    assertTrue(browser.findElement(By.id("page")).getText().startsWith("page 2 of "));
    assertFalse(hits().stream().anyMatch(h -> firstPage.equals(h.getDomAttribute("data-id"))));
    browser.navigate().back();
    wait.until(d -> !url().contains("offset="));
    settle();
    assertEquals(firstPage, hits().get(0).getDomAttribute("data-id"));
  }

  @Test
  @Order(9)
  void atPhoneWidthTheLayoutIsOneColumn() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    open("/?q=korea");
    long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
    long viewport = (Long) browser.executeScript("return window.innerWidth");
    assertTrue(width <= viewport, "no sideways scrolling: " + width + " > " + viewport);
    WebElement timeline = browser.findElement(By.id("timeline"));
    WebElement firstHit = hits().get(0);
    assertTrue(timeline.getRect().getY() < firstHit.getRect().getY(), "filters above the hits");
    screenshot("phone-results");
    firstHit.findElement(By.cssSelector(".title-link")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#a-related .mini-item")).isEmpty());
    screenshot("phone-article");
  }
}

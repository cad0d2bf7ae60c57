package uk.workforcewatch.stack;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The gateway's dashboard in a real browser: Debian's headless chromium, driven through its own chromedriver (both
 * installed by .ci/run; CHROMIUM and CHROMEDRIVER name others; without them the test is skipped, but where
 * .ci/run requires it). Finds things by what the page says they are
 * (data-* attributes), as a user would by what they read, and keeps screenshots in target/screenshots.
 */
final class DashboardBrowser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Duration wait;

    private DashboardBrowser(WebDriver driver, Duration wait) {
        this.driver = driver;
        this.wait = wait;
    }

    /**
     * Whether the test should drive a browser: when chromium and its driver are installed, and always where
     * DASHBOARD_BROWSER=required (.ci/run), so that there a missing browser fails the test instead of skipping it.
     */
    static boolean shouldRun() {
        return "required".equals(System.getenv("DASHBOARD_BROWSER"))
                || (Files.isExecutable(path("CHROMIUM", CHROMIUM)) && Files.isExecutable(path("CHROMEDRIVER", DRIVER)));
    }

    static DashboardBrowser start(Duration wait) {
        Path chromium = installed("CHROMIUM", CHROMIUM);
        Path chromedriver = installed("CHROMEDRIVER", DRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,1000", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new DashboardBrowser(new ChromeDriver(service, options), wait);
    }

    private static Path path(String variable, String usual) {
        return Path.of(Optional.ofNullable(System.getenv(variable)).orElse(usual));
    }

    private static Path installed(String variable, String usual) {
        Path path = path(variable, usual);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The dashboard's test needs " + path + ": install Debian's chromium and "
                    + "chromium-driver (sudo apt-get install chromium chromium-driver, as .ci/run does), or name "
                    + "them in " + variable);
        }
        return path;
    }

    void open(URI address) {
        driver.get(address.toString());
    }

    void signIn(String token) {
        WebElement field = until(d -> visible(By.id("token")));
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        until(d -> visible(By.id("dashboard")));
    }

    /**
     * Waits until the condition gives something other than null or false, and gives it. The page draws parts of
     * itself again as alerts arrive, so an element found a moment ago may be gone: the condition is tried again.
     */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, wait).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The text of the first element the selector finds once it holds the words, found afresh each try. */
    String textOnceItHas(String css, String words) {
        return until(page -> first(css).map(WebElement::getText).filter(text -> text.contains(words)).orElse(null));
    }

    /** Clicks the first element the selector finds, found afresh if the page drew it again meanwhile. */
    void click(String css) {
        until(page -> {
            page.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** Types into a field inside the element the selector finds, and submits its form: all afresh on each try. */
    void typeAndSubmit(String css, String field, String words) {
        until(page -> {
            WebElement item = page.findElement(By.cssSelector(css));
            item.findElement(By.name(field)).sendKeys(words);
            item.findElement(By.cssSelector("button[type=submit]")).click();
            return true;
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Optional<WebElement> first(String css) {
        return all(css).stream().findFirst();
    }

    WebElement visible(By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** What the page's scripts reported as errors: none, if they work. */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).flatMap(Stream::of).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

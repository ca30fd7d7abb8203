package org.arrowsync.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, on a fresh profile, talking to the server on loopback
 * only. Screenshots of the pages go to {@code target/console-screenshots/}, at a desktop's and at a phone's width.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String MISSING = "Browser tests skipped: Debian's chromium and chromium-driver are not installed ("
            + CHROMIUM + ", " + CHROMEDRIVER + "); apt-get install chromium chromium-driver to run them";
    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser start(int port) {
        try {
            Path profile = Files.createTempDirectory("arrowsync-chromium");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--user-data-dir=" + profile,
                            "--window-size=" + DESKTOP + ",900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Signs in and waits for the answer (a page after sign-in, or the sign-in page again with its error): a page opened
     * before it comes would cancel the form's submission, and be opened signed out.
     */
    void signIn(String username, String password) {
        open("/login");
        type("#username", username);
        type("#password", password);
        click("button[type=submit]");
        await(d -> !d.getCurrentUrl().equals(base + "/login"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        clickOn(By.cssSelector(css));
    }

    /** Clicks the button or link whose text is exactly this. */
    void press(String text) {
        clickOn(By.xpath("//*[self::button or self::a][normalize-space(.)='" + text + "']"));
    }

    /** Clicks what the locator finds, finding it again if the page replaced it first. */
    private void clickOn(By locator) {
        await(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    String text(String css) {
        return await(d -> d.findElement(By.cssSelector(css)).getText());
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Accepts the confirmation a form asks for (data-confirm), then submits it. */
    void confirm(String css) {
        ((JavascriptExecutor) driver).executeScript("window.confirm = function () { return true; };");
        click(css);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (WebDriverException e) {
                        if (detached(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /**
     * Whether an element was found on the page that a navigation or an htmx swap then replaced: Chrome says so with a
     * plain inspector error, not always as a stale element.
     */
    private static boolean detached(WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("does not belong to the document") || message.contains("No node with given id");
    }

    void awaitText(String css, String text) {
        await(d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(element -> element.getText().contains(text)));
    }

    /** Whole-page screenshots of the current page at desktop and phone width, then back to desktop width. */
    void screenshot(String name) {
        screenshot(name, DESKTOP);
        screenshot(name, PHONE);
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
    }

    private void screenshot(String name, int width) {
        try {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = (Long) ((JavascriptExecutor) driver)
                    .executeScript(
                            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 160, 700), 6000)));
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}

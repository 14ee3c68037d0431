package org.stocktake.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests. Debian's {@code chromium} and {@code chromedriver} are
 * used where installed (as {@code .ci/run} installs them); elsewhere Selenium Manager finds or
 * fetches a browser. Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DEBIAN_CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough for the webapps' first load on a busy two-core machine; waits end as soon as the page is ready. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** axe-core, as Deque ships it in its Maven artifact. */
    private static final String AXE = readAxe();

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    private Browser(String baseUrl) {
        ChromeOptions options = new ChromeOptions();
        // without the networking flags Chromium keeps calling out to Google, which a closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000");
        if (Files.isExecutable(DEBIAN_CHROMIUM) && Files.isExecutable(DEBIAN_CHROMEDRIVER)) {
            options.setBinary(DEBIAN_CHROMIUM.toFile());
            System.setProperty("webdriver.chrome.driver", DEBIAN_CHROMEDRIVER.toString());
        }
        this.driver = new ChromeDriver(options);
        this.wait = new WebDriverWait(driver, PATIENCE);
        this.baseUrl = baseUrl;
    }

    public static Browser at(String baseUrl) {
        return new Browser(baseUrl);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitUntilGone(By locator) {
        until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /**
     * Clicks the element once it can be clicked, scrolled to the middle of the window first
     * (Tasklist's footer covers the bottom). A click that lands on something drawn over it for a
     * moment (a form re-rendering after Claim, a notice) or on an element just replaced is tried
     * again until the wait's limit.
     */
    public void click(By locator) {
        until(browser -> {
            WebElement element = browser.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
            return true;
        });
    }

    public void waitForText(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Sets the window's width (the height stays), e.g. 390 for a phone, 1280 for a desktop. */
    public void resizeTo(int width) {
        driver.manage().window().setSize(new Dimension(width, driver.manage().window().getSize().getHeight()));
    }

    /** Whether the page is wider than the window, so it would scroll sideways. */
    public boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /**
     * Runs axe-core on the page with the WCAG 2.2 A and AA rules and axe's best practices, and
     * returns each violation as {@code rule: what (where)}; none means the page passed.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(AXE);
        Object result = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                    .then(results => done(results.violations.map(v => v.id + ': ' + v.help + ' ('
                        + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ') + ')')))
                    .catch(error => done(['axe failed: ' + error]));""");
        return (List<String>) result;
    }

    /**
     * Waits for the condition, trying again after a click that landed on something drawn over its
     * target for a moment or on an element just replaced. A wait that runs out leaves the screen as
     * {@code target/screenshots/wait-failed.png} and its page as {@code wait-failed.html}, to show
     * what was there instead.
     */
    public <T> T until(Function<WebDriver, T> condition) {
        try {
            return wait.ignoring(ElementClickInterceptedException.class).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException timedOut) {
            screenshot("wait-failed");
            try {
                Files.writeString(SCREENSHOTS.resolve("wait-failed.html"), driver.getPageSource());
            } catch (IOException unwritten) {
                timedOut.addSuppressed(unwritten);
            }
            throw timedOut;
        }
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Saves a screenshot of the window as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAxe() {
        try (InputStream axe = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (axe == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium in the pom)");
            }
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package io.outboundcalls.app.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Headless Chromium driven by Selenium (Debian's {@code chromium} and {@code chromium-driver}).
 * A machine without them skips the browser tests, saying so; CI installs them ({@code .ci/run}).
 * Screenshots go to {@code target/console-screenshots}, or to the directory named by
 * {@code -Dconsole.screenshots=…} (the docs' images: {@code -Dconsole.screenshots=../docs/console}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final String baseUrl;
    private final Path screenshots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A browser at a laptop's width; skips the test when no Chromium is installed. */
    static Browser open(String baseUrl) {
        return open(baseUrl, null);
    }

    /** The same in a time zone of its own ({@code TZ}, as a machine set to it would be); null: the machine's. */
    static Browser open(String baseUrl, String timeZone) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--autoplay-policy=no-user-gesture-required", "--lang=en-US");
        ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile());
        if (timeZone != null) {
            service.withEnvironment(java.util.Map.of("TZ", timeZone));
        }
        return new Browser(new ChromeDriver(service.build(), options), baseUrl);
    }

    Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits; a timeout reports the page it was waiting on (its path and text), to tell why. */
    <T> T waitFor(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("Waited in vain on " + driver.getCurrentUrl() + ": "
                    + text.substring(0, Math.min(text.length(), 2000)), e);
        }
    }

    Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    Browser click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    /** Signs in on the sign-in page and waits for the Overview. */
    Browser signIn(String email, String password) {
        go("/console/sign-in").type(By.id("email"), email).type(By.id("password"), password).click(By.id("sign-in"));
        find(By.id("balance-available"));
        return this;
    }

    /** Clicks a button whose form asks for confirmation first, and confirms. */
    Browser clickAndConfirm(By by) {
        click(by);
        waitFor(ExpectedConditions.alertIsPresent()).accept();
        return this;
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.opencsms.it.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) logged in to one node's console. Every
 * wait is bounded; {@link #screenshot} writes target/console-screenshots/NAME.png.
 */
public final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final WebDriver driver;
    private final String base;

    public Browser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A browser on the given node logged in as the given user. */
    public static Browser loggedIn(String base, String user, String password) {
        Browser b = new Browser(base);
        b.login(user, password);
        b.waitFor(d -> d.getCurrentUrl().contains("/console/"));
        return b;
    }

    public void login(String user, String password) {
        open("/login.xhtml");
        type(By.id("login:username"), user);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by)::apply);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    public void click(By by) {
        waitFor(ExpectedConditions.elementToBeClickable(by)::apply).click();
    }

    /** Chooses an option of a select list by its label, as a user does. */
    public void choose(String selectId, String label) {
        new Select(find(By.id(selectId))).selectByVisibleText(label);
    }

    /** The native select behind a PrimeFaces selectOneMenu. */
    public Select select(String menuId) {
        List<WebElement> inner = driver.findElements(By.id(menuId + "_input"));
        return new Select(inner.isEmpty() ? driver.findElement(By.id(menuId)) : inner.get(0));
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw failure(e);
        }
    }

    /** A timeout with what the page showed: its address and text, and a screenshot failure-N.png. */
    private AssertionError failure(RuntimeException e) {
        String name = "failure-" + FAILURES.incrementAndGet();
        String text;
        try {
            screenshot(name);
            text = driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException ignored) {
            text = "(page unreadable)";
        }
        return new AssertionError(e.getMessage() + "\n-- page (" + name + ".png): " + text, e);
    }

    private static final java.util.concurrent.atomic.AtomicInteger FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    /** Waits until the element's text contains the expected text; the page is not reloaded meanwhile. */
    public void awaitText(By by, String expected) {
        waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return !found.isEmpty() && found.get(0).getText().contains(expected);
        });
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Marks the loaded page: the mark survives AJAX updates and is gone after a reload. */
    public void markPage() {
        script("window.__notReloaded = true;");
    }

    public boolean pageNotReloaded() {
        return Boolean.TRUE.equals(script("return window.__notReloaded === true;"));
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A GET with this browser's session (its cookie), e.g. a CSV download. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        driver.quit();
    }
}

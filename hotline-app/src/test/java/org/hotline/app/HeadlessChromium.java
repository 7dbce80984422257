package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through the system chromedriver (never one Selenium Manager downloads). */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    static ChromeDriver start() {
        requireInstalled(CHROMIUM);
        requireInstalled(CHROMEDRIVER);
        // The driver's path given explicitly: Selenium Manager then has nothing to look up or download.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    private static void requireInstalled(Path executable) {
        assertThat(Files.isExecutable(executable))
                .as("%s is missing: this test drives the system's Chromium; install it with "
                        + "`apt-get install -y chromium chromium-driver` (.ci/run does on a fresh machine)", executable)
                .isTrue();
    }
}

package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.alerts.alert.Alert;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EnginesExtension;
import org.hotline.models.config.HotlineConfig;
import org.hotline.web.WebServer;
import org.hotline.web.auth.PasswordHash;
import org.hotline.web.auth.Role;
import org.hotline.web.auth.WebUser;
import org.hotline.web.auth.WebUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser with sign-in on ({@code web.users}): the browser sends an analyst's HTTP Basic
 * credentials with every request, as it does once a user has typed them into its sign-in prompt (set here through
 * the DevTools protocol, since a headless browser shows no prompt). The pages' own API calls go through, the
 * dashboard shows the signed-in name as 处理人, a status change is recorded under it, and the operator console is
 * refused to an analyst.
 */
@ExtendWith(EnginesExtension.class)
class SignedInBrowserITCase {
    private static final String ANALYST = "王分析";
    private static final String PASSWORD = "供热-2026";

    @TempDir
    static Path dir;

    private static WebServer server;
    private static List<Alert> alerts;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(EmbeddedElasticsearch elasticsearch) throws Exception {
        Path users = dir.resolve("users");
        // Few iterations: the test is about the pages, not the hash's cost.
        WebUsers.parse(List.of(), users.toString())
                .with(new WebUser(ANALYST, Set.of(Role.ANALYST), PasswordHash.create(PASSWORD.toCharArray(), 1000)))
                .write(users);
        HotlineConfig config = WebFixtures.config(elasticsearch).with(Map.of("web.users", users.toString()));
        WebFixtures.indexRecords(config);
        alerts = WebFixtures.indexAlerts(config);
        server = WebServer.start(config, WebFixtures.classifier());
        browser = HeadlessChromium.start();
        String credentials = Base64.getEncoder()
                .encodeToString((ANALYST + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAnalystsStatusChangeIsRecordedUnderTheSignedInName() {
        browser.get(server.url().resolve("dashboard").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Alert common = alerts.get(0);
        By row = DashboardPage.alertRow(common.id());
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        wait.until(ExpectedConditions.attributeToBe(By.id("analyst"), "value", ANALYST));
        assertThat(browser.findElement(By.id("analyst")).getAttribute("readonly")).isNotNull();
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#chart polyline.series"), 0));

        assertThat(DashboardPage.acknowledge(browser, wait, common.id(), "已转供热办").getAttribute("title"))
                .isEqualTo(ANALYST + "：已转供热办");
    }

    @Test
    void theOperatorConsoleIsRefusedToAnAnalyst() {
        browser.get(server.url().toString());
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("403 forbidden").contains("needs the operator role");
    }
}

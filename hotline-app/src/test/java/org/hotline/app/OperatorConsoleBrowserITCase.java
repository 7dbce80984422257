package org.hotline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotline.alerts.alert.Alert;
import org.hotline.app.engines.EmbeddedElasticsearch;
import org.hotline.app.engines.EnginesExtension;
import org.hotline.models.config.HotlineConfig;
import org.hotline.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console and the analyst dashboard in a real browser ({@link HeadlessChromium}), without sign-in.
 * Typing a complaint brings up suggestions and the similar past case with its reply; the dashboard draws the trend
 * with each node's forecast and lets an analyst acknowledge an alert.
 */
@ExtendWith(EnginesExtension.class)
class OperatorConsoleBrowserITCase {
    private static WebServer server;
    private static List<Alert> alerts;
    private static WebDriver browser;

    @BeforeAll
    static void start(EmbeddedElasticsearch elasticsearch) throws Exception {
        HotlineConfig config = WebFixtures.config(elasticsearch);
        WebFixtures.indexRecords(config);
        alerts = WebFixtures.indexAlerts(config);
        server = WebServer.start(config, WebFixtures.classifier());
        browser = HeadlessChromium.start();
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
    void typingAComplaintShowsSuggestionsAndTheSimilarCaseWithItsReply() {
        browser.get(server.url().toString());
        assertThat(browser.getTitle()).contains("受理台");

        browser.findElement(By.id("title")).sendKeys("工地夜间施工噪音扰民");
        browser.findElement(By.id("content")).sendKeys(WebFixtures.NOISE_QUERY);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        List<WebElement> suggestions = wait.until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#suggestions li.suggestion"), 0));
        By noiseCase = By.cssSelector("#similar li.case[data-id='" + WebFixtures.NOISE_CASE + "']");
        WebElement similar = wait.until(ExpectedConditions.visibilityOfElementLocated(noiseCase));

        assertThat(suggestions.get(0).findElement(By.className("path")).getText()).contains("›");
        assertThat(suggestions.get(0).findElement(By.className("score")).getText()).matches("置信度 [0-9.]+%");
        assertThat(suggestions.get(0).findElement(By.cssSelector(".bar span")).getAttribute("style")).contains("width");
        assertThat(similar.findElement(By.className("case-title")).getText()).isEqualTo("工地夜间施工噪音扰民");
        assertThat(similar.findElement(By.className("reply-text")).getText()).isEqualTo(WebFixtures.NOISE_REPLY);
        assertThat(similar.findElement(By.className("reply-head")).getText()).contains("区住建局");
        assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
    }

    @Test
    void theDashboardDrawsTheTrendAndAnAnalystAcknowledgesAnAlert() {
        browser.get(server.url().resolve("dashboard").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#chart polyline.series"), 0));
        Alert common = alerts.get(0);
        By row = DashboardPage.alertRow(common.id());
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        assertThat(browser.findElements(By.cssSelector("#alerts tr"))).hasSize(alerts.size());
        assertThat(browser.findElement(row).findElement(By.className("kind")).getText()).isEqualTo("共性");
        assertThat(browser.findElement(row).findElement(By.className("status")).getText()).isEqualTo("待处理");
        assertThat(browser.findElement(By.id("legend")).getText()).isNotBlank();
        int series = browser.findElements(By.cssSelector("#chart polyline.series")).size();
        assertThat(browser.findElements(By.cssSelector("#chart polyline.forecast"))).hasSize(series);
        assertThat(browser.findElements(By.cssSelector("#chart polygon.forecast-band"))).hasSize(Math.min(series, 3));
        assertThat(browser.findElement(By.cssSelector("#chart polyline.forecast")).getAttribute("stroke-dasharray"))
                .isNotBlank();
        assertThat(browser.findElement(By.cssSelector("#chart .forecast-label")).getText()).startsWith("预测");
        assertThat(browser.findElement(By.cssSelector("#legend li")).getAttribute("title")).contains("未来 7 天预计约");

        browser.findElement(By.id("analyst")).sendKeys("王分析");
        WebElement status = DashboardPage.acknowledge(browser, wait, common.id(), "已转住建局");
        assertThat(status.getText()).isEqualTo("已确认");
        assertThat(status.getAttribute("title")).isEqualTo("王分析：已转住建局");
    }
}

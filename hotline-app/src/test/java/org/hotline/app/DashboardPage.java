package org.hotline.app;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an analyst does on the open dashboard, step by step as in the browser. */
final class DashboardPage {
    private DashboardPage() {}

    static By alertRow(String alertId) {
        return By.cssSelector("#alerts tr[data-id='" + alertId + "']");
    }

    /**
     * Acknowledges the alert with {@code note} (the page's prompt), then finds it under 已确认: the list shows open
     * alerts by default, so the acknowledged one leaves it.
     *
     * @return the alert's status cell
     */
    static WebElement acknowledge(WebDriver browser, WebDriverWait wait, String alertId, String note) {
        By row = alertRow(alertId);
        browser.findElement(row).findElement(By.className("action-ack")).click();
        wait.until(ExpectedConditions.alertIsPresent()).sendKeys(note);
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        new Select(browser.findElement(By.id("status-filter"))).selectByValue("acknowledged");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        return browser.findElement(row).findElement(By.className("status"));
    }
}

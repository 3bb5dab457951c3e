package io.outboundcalls.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.console.member.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's path without curl, in a real browser: create an agent, import a CSV and watch its
 * progress reach 100 %, create and start a campaign and watch its calls appear live, open a call
 * and play its recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesBrowserTest extends ApiTest {

    private static final String PASSWORD = "pages test password";

    @Autowired
    private Members members;

    private Browser browser;
    private ConsoleAccounts account;

    @BeforeAll
    void signIn() {
        browser = Browser.open(baseUrl());
        account = ConsoleAccounts.create(admin(), baseUrl());
        members.setPassword(account.token(), PASSWORD);
        assertThat(account.api().post("/v1/credits/purchase", Map.of("amount", 100_000)).status()).isEqualTo(201);
        browser.signIn(account.email(), PASSWORD);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anAgentIsCreatedWithTheApisMessagesNextToTheFields() {
        browser.go("/console/agents");
        browser.find(By.cssSelector(".empty"));
        browser.click(By.id("new-agent"));
        browser.type(By.id("name"), "Ava").type(By.id("prompt"), "You help {{first_name}} book a demo.")
                .type(By.id("first_message"), "Hi {{first_name}}, this is Ava.")
                .type(By.id("transfer_number"), "12345");
        new Select(browser.find(By.id("voicemail_action"))).selectByValue("leave_message");
        browser.click(By.id("save-agent"));
        assertThat(browser.find(By.id("error-transfer_number")).getText()).contains("E.164");
        assertThat(browser.find(By.id("error-voicemail.message")).getText()).contains("required");
        browser.type(By.id("transfer_number"), "+14155552671").type(By.id("voicemail_message"), "Please call back.")
                .type(By.cssSelector("input[name=field_name]"), "interested");
        new Select(browser.find(By.cssSelector("select[name=field_type]"))).selectByValue("boolean");
        browser.click(By.id("analysis_summary")).click(By.id("save-agent"));
        browser.find(By.cssSelector(".notice"));
        assertThat(browser.find(By.id("agents")).getText()).contains("Ava");
        browser.screenshot("agents");
        assertThat(account.api().get("/v1/agents").json().path("data").get(0).path("analysis").path("fields").get(0)
                .path("type").asText()).isEqualTo("boolean");
    }

    @Test
    @Order(2)
    void aCsvImportShowsItsProgressUntil100PercentAndItsRowErrors() throws Exception {
        StringBuilder csv = new StringBuilder("phone_number,first_name,product\n");
        for (int i = 0; i < 40; i++) {
            csv.append("+44 20 7946 ").append(String.format("%04d", 2000 + i * 10)).append(",Guest").append(i).append(",solar\n");
        }
        csv.append("not a number,Broken,solar\n");
        Path file = Files.createTempFile("contacts", ".csv");
        Files.writeString(file, csv);
        browser.go("/console/contacts");
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.type(By.id("list_name"), "Browser import").click(By.id("start-import"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("import-percent"), "100 %"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("row-errors")));
        assertThat(browser.find(By.id("import-status")).getText()).isEqualTo("completed_with_errors");
        assertThat(browser.find(By.id("row-errors")).getText()).contains("not a number");
        assertThat(browser.find(By.id("import-bar")).getAttribute("value")).isEqualTo("41");
        browser.screenshot("import");
    }

    @Test
    @Order(3)
    void aStartedCampaignShowsItsCallsLiveAndACallsRecordingPlays() {
        String listId = account.api().get("/v1/contact_lists").json().path("data").get(0).path("id").asText();
        browser.go("/console/campaigns");
        browser.type(By.id("name"), "Browser campaign");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("document.getElementById('calling_start').value = '00:00';"
                + "document.getElementById('calling_end').value = '23:59';");
        new Select(browser.find(By.id("contact_list_id"))).selectByValue(listId);
        browser.click(By.id("create-campaign"));
        browser.find(By.id("start-campaign"));
        browser.waitFor(d -> "true".equals(d.findElement(By.tagName("main")).getAttribute("data-live")));
        assertThat(browser.driver.findElements(By.cssSelector("#live-calls tbody tr"))).isEmpty();
        String pageId = (String) js.executeScript("return window.pageId = String(Math.random());");
        browser.click(By.id("start-campaign")); // htmx: the page stays, the stream fills it
        browser.waitFor(d -> d.findElements(By.cssSelector("#live-calls tbody tr")).size() >= 40);
        assertThat(js.executeScript("return window.pageId;")).as("the same page, not a reload").isEqualTo(pageId);
        browser.waitFor(ExpectedConditions.textToBe(By.id("campaign-status"), "completed"));
        browser.screenshot("campaign");

        browser.click(By.xpath("//table[@id='live-calls']//tr[td[3][text()='completed']]//a"));
        browser.find(By.id("transcript"));
        assertThat(browser.find(By.id("transcript")).getText()).contains("Guest");
        Object loaded = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var audio = document.getElementById('recording');
                audio.muted = true;
                if (audio.readyState >= 1) { audio.play().then(function () { done(audio.duration); }, function (e) { done('play failed: ' + e); }); return; }
                audio.addEventListener('loadedmetadata', function () { audio.play().then(function () { done(audio.duration); }, function (e) { done('play failed: ' + e); }); });
                audio.addEventListener('error', function () { done('error ' + (audio.error && audio.error.code)); });
                audio.load();""");
        assertThat(loaded).as("the audio element loads the WAV").isInstanceOf(Number.class);
        assertThat(((Number) loaded).doubleValue()).isPositive();
        browser.screenshot("call");
    }

    @Test
    @Order(4)
    void theOverviewShowsARunningCampaignsProgressLive() {
        ApiClient api = account.api();
        // one call at a time through a list long enough to be running when the page has loaded
        String listId = api.post("/v1/contact_lists", Map.of("name", "Overview list")).json().path("id").asText();
        for (int i = 0; i < 100; i++) {
            assertThat(api.post("/v1/contacts", Map.of("phone_number", String.format("+44 20 7946 %04d", 5000 + i),
                    "first_name", "Live" + i, "list_ids", java.util.List.of(listId))).status()).isEqualTo(201);
        }
        String agentId = api.get("/v1/agents").json().path("data").get(0).path("id").asText();
        ApiClient.Response created = api.post("/v1/campaigns", Map.of("name", "Overview campaign",
                "agent_id", agentId, "contact_list_id", listId, "test_mode", true,
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                        "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1), "concurrent_calls", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String campaignId = created.json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);

        browser.go("/console");
        String row = "#running-" + campaignId; // listed, so it was running when the page was rendered
        assertThat(browser.find(By.cssSelector(row + " [data-field=status]")).getText()).isEqualTo("running");
        String completedAtLoad = browser.find(By.cssSelector(row + " [data-field=completed]")).getText();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        String pageId = (String) js.executeScript("return window.pageId = String(Math.random());");
        browser.waitFor(d -> "true".equals(d.findElement(By.cssSelector(row)).getAttribute("data-live")));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(row + " [data-field=status]"), "completed"));
        JsonNode stats = api.get("/v1/campaigns/" + campaignId).json().path("stats");
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(row + " [data-field=completed]"), stats.path("completed").asText()));
        assertThat(stats.path("completed").asInt()).isGreaterThan(Integer.parseInt(completedAtLoad));
        assertThat(browser.find(By.cssSelector(row + " [data-field=total_contacts]")).getText()).isEqualTo("100");
        assertThat(browser.find(By.cssSelector(row + " [data-field=in_progress]")).getText()).isEqualTo("0");
        assertThat(browser.find(By.cssSelector(row + " progress")).getAttribute("value")).isEqualTo(stats.path("completed").asText());
        assertThat(js.executeScript("return window.pageId;")).as("the same page, not a reload").isEqualTo(pageId);
        browser.screenshot("overview-live");
    }
}

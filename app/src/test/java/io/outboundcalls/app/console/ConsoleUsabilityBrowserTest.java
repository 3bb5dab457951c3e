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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes the console usable by people, in a real browser: a fresh account's empty lists say
 * what to do next; times are shown in the member's zone (their browser's at first sign-in, then
 * their choice in Settings > Profile); every page fits a phone's width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUsabilityBrowserTest extends ApiTest {

    private static final String PASSWORD = "usability test password";
    /** Tokyo has no daylight saving time: its abbreviation is JST all year. */
    private static final String BROWSER_ZONE = "Asia/Tokyo";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss zzz", Locale.ENGLISH);

    @Autowired
    private Members members;

    private Browser browser;
    private ConsoleAccounts account;
    private String callId;
    private String campaignId;

    @BeforeAll
    void signIn() {
        browser = Browser.open(baseUrl(), BROWSER_ZONE);
        account = ConsoleAccounts.create(admin(), baseUrl());
        members.setPassword(account.token(), PASSWORD);
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
    void aFreshAccountsListsSayWhatToDoNextWithALink() {
        Map<String, String> emptyStates = Map.of(
                "/console", "#empty-running a[href$='/console/campaigns']",
                "/console/agents", "#empty-agents a[href$='/console/agents/new']",
                "/console/contacts", "#empty-contacts a[href='#import']",
                "/console/calls", "#empty-calls a[href$='/console/campaigns']",
                "/console/credits", "#empty-ledger a[href='#amount']",
                "/console/settings/webhooks", "#empty-endpoints a[href='#url']");
        emptyStates.forEach((path, link) -> {
            browser.go(path);
            assertThat(browser.find(By.cssSelector(link)).isDisplayed()).as(path).isTrue();
        });

        browser.go("/console/campaigns");
        WebElement campaigns = browser.find(By.id("empty-campaigns"));
        assertThat(campaigns.getText()).contains("Create an agent and a contact list first");
        assertThat(campaigns.findElements(By.cssSelector("a"))).extracting(a -> a.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("/console/agents/new"))
                .anySatisfy(href -> assertThat(href).endsWith("/console/contacts"));

        browser.go("/console/agents").click(By.cssSelector("#empty-agents a"));
        assertThat(browser.path()).isEqualTo("/console/agents/new");

        createAgent();
        browser.go("/console/campaigns");
        WebElement onlyTheList = browser.find(By.id("empty-campaigns"));
        assertThat(onlyTheList.getText()).contains("Create a contact list first");
        assertThat(onlyTheList.findElements(By.cssSelector("a"))).extracting(a -> a.getAttribute("href"))
                .singleElement().satisfies(href -> assertThat(href).endsWith("/console/contacts"));
    }

    @Test
    @Order(2)
    void timesAreShownInTheBrowsersZoneAtFirstSignInThenInTheZoneChosenInTheProfile() {
        browser.go("/console/settings/profile");
        assertThat(browser.find(By.id("current-zone")).getText()).isEqualTo("Asia/Tokyo (JST)");
        assertThat(browser.find(By.id("time_zone")).getAttribute("value")).isEqualTo(BROWSER_ZONE);

        JsonNode call = finishedCall();
        String startedAt = call.path("started_at").asText();
        browser.go("/console/calls/" + callId);
        String inTokyo = browser.find(By.cssSelector("time[datetime='" + startedAt + "']")).getText();
        assertThat(inTokyo).isEqualTo(shown(startedAt, "Asia/Tokyo")).endsWith(" JST");

        browser.go("/console/settings/profile").type(By.id("time_zone"), "Mars/Olympus_Mons").click(By.id("save-profile"));
        assertThat(browser.find(By.id("error-time_zone")).getText()).contains("IANA time zone");
        assertThat(browser.find(By.id("time_zone")).getAttribute("value")).isEqualTo("Mars/Olympus_Mons");
        assertThat(browser.find(By.id("current-zone")).getText()).as("unchanged").startsWith("Asia/Tokyo");

        browser.type(By.id("time_zone"), "America/New_York").click(By.id("save-profile"));
        browser.find(By.cssSelector(".notice"));
        browser.go("/console/calls/" + callId);
        String inNewYork = browser.find(By.cssSelector("time[datetime='" + startedAt + "']")).getText();
        assertThat(inNewYork).isEqualTo(shown(startedAt, "America/New_York")).matches(".* E[SD]T");
        assertThat(inNewYork).isNotEqualTo(inTokyo);
        browser.go("/console/calls");
        assertThat(browser.find(By.cssSelector("#calls time")).getText()).matches(".* E[SD]T");
    }

    @Test
    @Order(3)
    void everyMainPageFitsAPhonesWidthWithTheNavigationFolded() {
        // the tests allow private networks: a local URL needs no DNS
        ApiClient.Response endpoint = account.api().post("/v1/webhook_endpoints", Map.of("url", "http://localhost:9/hook",
                "enabled_events", List.of("*")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String endpointId = endpoint.json().path("id").asText();
        String contactId = account.api().get("/v1/contacts").json().path("data").get(0).path("id").asText();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.go("/console/sign-in");
            assertThat(overflow()).as("no sideways scroll of the sign-in page").isEmpty();
            for (String path : List.of("/console", "/console/agents", "/console/agents/new", "/console/contacts",
                    "/console/contacts/" + contactId,
                    "/console/campaigns", "/console/campaigns/" + campaignId, "/console/calls", "/console/calls/" + callId,
                    "/console/credits", "/console/settings/api-keys", "/console/settings/webhooks",
                    "/console/settings/webhooks/" + endpointId, "/console/settings/profile")) {
                browser.go(path);
                browser.find(By.tagName("h1"));
                assertThat(overflow()).as("no sideways scroll of " + path).isEmpty();
                assertThat(browser.driver.findElement(By.id("main-nav")).isDisplayed()).as("folded on " + path).isFalse();
            }
            browser.go("/console");
            browser.screenshot("phone-overview");
            browser.click(By.cssSelector("button.menu"));
            assertThat(browser.find(By.id("main-nav")).isDisplayed()).isTrue();
            assertThat(browser.find(By.cssSelector("button.menu")).getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(overflow()).as("no sideways scroll with the menu open").isEmpty();
            browser.screenshot("phone-menu");
            browser.click(By.cssSelector("#main-nav a[href$='/console/campaigns']"));
            List<WebElement> fields = browser.driver.findElements(By.cssSelector("#campaign-form .grid > div"));
            assertThat(fields).hasSizeGreaterThan(3);
            assertThat(fields).extracting(WebElement::getLocation).extracting(p -> p.getX()).as("one column")
                    .containsOnly(fields.get(0).getLocation().getX());
            browser.go("/console/calls/" + callId);
            browser.screenshot("phone-call");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The page body's sideways scroll, with the widest elements that cause it; empty when there is none. */
    @SuppressWarnings("unchecked")
    private List<String> overflow() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript("""
                var width = window.innerWidth;
                if (document.documentElement.scrollWidth <= width) { return []; }
                var wide = ['scrollWidth ' + document.documentElement.scrollWidth + ' > innerWidth ' + width];
                document.querySelectorAll('body *').forEach(function (el) {
                  var r = el.getBoundingClientRect();
                  if (r.right > width + 1 && !el.closest('.table-wrap')) { wide.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.right)); }
                });
                return wide.slice(0, 12);""");
    }

    private static String shown(String apiInstant, String zone) {
        return SHOWN.format(OffsetDateTime.parse(apiInstant).atZoneSameInstant(ZoneId.of(zone)));
    }

    private String createAgent() {
        ApiClient.Response agent = account.api().post("/v1/agents", Map.of("name", "Ava",
                "prompt", "You help {{first_name}} book a demo.", "first_message", "Hi {{first_name}}."));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(201);
        return agent.json().path("id").asText();
    }

    /** A test-mode campaign of one contact, run to its end; returns its call as the API shows it. */
    private JsonNode finishedCall() {
        ApiClient api = account.api();
        String agentId = api.get("/v1/agents").json().path("data").get(0).path("id").asText();
        String listId = api.post("/v1/contact_lists", Map.of("name", "Zone list")).json().path("id").asText();
        assertThat(api.post("/v1/contacts", Map.of("phone_number", "+442079460123", "first_name", "Kenji",
                "list_ids", List.of(listId))).status()).isEqualTo(201);
        ApiClient.Response campaign = api.post("/v1/campaigns", Map.of("name", "Zone campaign", "agent_id", agentId,
                "contact_list_id", listId, "test_mode", true,
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                        "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1)));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        campaignId = campaign.json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);
        JsonNode call = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/v1/calls?campaign_id=" + campaignId).json().path("data").path(0),
                c -> !c.isMissingNode() && c.hasNonNull("started_at") && c.hasNonNull("ended_at"));
        callId = call.path("id").asText();
        return call;
    }
}

package io.outboundcalls.app.openapi;

import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.client.ApiClient;
import io.outboundcalls.client.ApiException;
import io.outboundcalls.client.api.AgentsApi;
import io.outboundcalls.client.api.CampaignsApi;
import io.outboundcalls.client.api.ContactListsApi;
import io.outboundcalls.client.api.ContactsApi;
import io.outboundcalls.client.model.AgentResponse;
import io.outboundcalls.client.model.CallingHoursRequest;
import io.outboundcalls.client.model.CampaignResponse;
import io.outboundcalls.client.model.CampaignScheduleRequest;
import io.outboundcalls.client.model.ContactListResponse;
import io.outboundcalls.client.model.ContactResponse;
import io.outboundcalls.client.model.CreateAgentRequest;
import io.outboundcalls.client.model.CreateCampaignRequest;
import io.outboundcalls.client.model.CreateContactListRequest;
import io.outboundcalls.client.model.CreateContactRequest;
import io.outboundcalls.client.model.RetryRulesRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client the build generates from docs/openapi.json drives the running service: the README's
 * first campaign, made only with generated types.
 */
class GeneratedClientApiTest extends ApiTest {

    @Test
    void createsAnAgentAListContactsAndTheReferenceCampaign() throws ApiException {
        ApiClient client = client();
        AgentResponse agent = new AgentsApi(client).createAgent(new CreateAgentRequest()
                .name("Sales agent").prompt("You call {{first_name}} about the Q1 offer.").language("en-GB"));
        ContactListResponse list = new ContactListsApi(client).createContactList(new CreateContactListRequest().name("Q1 prospects"));
        ContactsApi contacts = new ContactsApi(client);
        for (String phone : List.of("+442079460001", "+442079460002")) {
            ContactResponse contact = contacts.createContact(new CreateContactRequest().phoneNumber(phone)
                    .firstName("Ada").listIds(List.of(list.getId())));
            assertThat(contact.getPhoneNumber()).isEqualTo(phone);
        }

        CampaignResponse campaign = new CampaignsApi(client).createCampaign(new CreateCampaignRequest()
                .name("Q1 Sales Outreach").agentId(agent.getId()).contactListId(list.getId())
                .schedule(new CampaignScheduleRequest().startDate(LocalDate.parse("2026-03-25"))
                        .callingHours(new CallingHoursRequest().start("09:00").end("18:00")).timezone("Europe/London"))
                .retryRules(new RetryRulesRequest().maxAttempts(3).delayMinutes(60))
                .concurrentCalls(20));

        assertThat(campaign.getId()).startsWith("camp_");
        assertThat(campaign.getStatus()).isEqualTo("draft");
        assertThat(campaign.getConcurrentCalls()).isEqualTo(20);
        assertThat(campaign.getSchedule().getTimezone()).isEqualTo("Europe/London");
        assertThat(contacts.listContacts(null, null, null, null, null, list.getId(), null, null, null).getData()).hasSize(2);
        assertThat(new CampaignsApi(client).listCampaigns(null, null, null, null, null, "draft", agent.getId()).getData())
                .extracting(CampaignResponse::getId).containsExactly(campaign.getId());
    }

    @Test
    void aRefusalArrivesAsTheDocumentedProblem() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> new CampaignsApi(client()).createCampaign(
                new CreateCampaignRequest().name("No agent").agentId("agent_missing").contactListId("list_missing")
                        .schedule(new CampaignScheduleRequest().timezone("Europe/London")
                                .callingHours(new CallingHoursRequest().start("09:00").end("18:00")))));
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.getResponseBody()).contains("\"code\":\"resource_missing\"");
    }

    /** A generated client with the first API key of a new account. */
    private ApiClient client() {
        var created = admin().post("/admin/accounts", Map.of("name", "Generated client", "tier", "enterprise"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.json().path("api_key").path("secret").asText();
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl());
        return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + secret));
    }
}

package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.Json;
import io.outboundcalls.platform.BatchedStatements;
import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.agent.AgentDeletedEvent;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AgentUpdatedEvent;
import io.outboundcalls.events.contact.ContactAddedToListEvent;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDeletedEvent;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactRemovedFromListEvent;
import io.outboundcalls.events.contact.ContactUpdatedEvent;
import io.outboundcalls.events.contact.DoNotCallReason;
import io.outboundcalls.events.contact.ResolvedTimezone;
import io.outboundcalls.events.contactlist.ContactListCreatedEvent;
import io.outboundcalls.events.contactlist.ContactListDeletedEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the dialer knows about agents, lists and contacts, kept from their events in a
 * subscribing processor (the events' own transaction), so a campaign started right after a
 * contact was added sees it, and the do-not-call re-check before dialing is never stale.
 * A membership change is also news for the unfinished campaigns of the list
 * ({@link CampaignMembership}): they enrol who joined and stop calling who left.
 */
@Component
@ProcessingGroup(DialerDirectory.PROCESSING_GROUP)
public class DialerDirectory {

    public static final String PROCESSING_GROUP = "dialer-contacts";

    private static final String INSERT_CONTACT = """
            insert into dialer.contacts (contact_id, account_id, phone, details, timezone, candidates, do_not_call, opted_out)
            select contact_id, account_id, phone, details::jsonb, timezone, candidates, do_not_call::boolean, opted_out::boolean
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(contact_id, account_id, phone, details, timezone, candidates, do_not_call, opted_out)
            on conflict do nothing""";
    private static final String INSERT_MEMBER = """
            insert into dialer.list_members (list_id, contact_id) select * from unnest(?::text[], ?::text[])
            on conflict do nothing""";

    private final JdbcTemplate jdbc;
    private final CampaignMembership membership;
    /** An import's batch creates 1,000 contacts in one unit of work: their rows go in one statement per table. */
    private final BatchedStatements inserts;

    DialerDirectory(JdbcTemplate jdbc, CampaignMembership membership) {
        this.jdbc = jdbc;
        this.membership = membership;
        this.inserts = new BatchedStatements(jdbc, INSERT_CONTACT, INSERT_MEMBER);
    }

    @EventHandler
    void on(AgentCreatedEvent event) {
        inserts.flush();
        jdbc.update("insert into dialer.agents (agent_id, account_id, settings) values (?, ?, ?::jsonb) on conflict do nothing",
                event.agentId(), event.accountId(), Json.write(event.settings()));
    }

    @EventHandler
    void on(AgentUpdatedEvent event) {
        inserts.flush();
        jdbc.update("update dialer.agents set settings = ?::jsonb where agent_id = ?", Json.write(event.settings()), event.agentId());
    }

    @EventHandler
    void on(AgentDeletedEvent event) {
        inserts.flush();
        jdbc.update("update dialer.agents set deleted = true where agent_id = ?", event.agentId());
    }

    @EventHandler
    void on(ContactListCreatedEvent event) {
        inserts.flush();
        jdbc.update("insert into dialer.lists (list_id, account_id) values (?, ?) on conflict do nothing", event.listId(), event.accountId());
    }

    @EventHandler
    void on(ContactListDeletedEvent event) {
        inserts.flush();
        jdbc.update("update dialer.lists set deleted = true where list_id = ?", event.listId());
        jdbc.update("delete from dialer.list_members where list_id = ?", event.listId());
    }

    @EventHandler
    void on(ContactCreatedEvent event) {
        ResolvedTimezone tz = event.timezone();
        inserts.add(INSERT_CONTACT, event.contactId(), event.accountId(), event.details().phoneNumber(), Json.write(event.details()),
                zone(tz), candidates(tz), event.doNotCall(), event.doNotCallReason() == DoNotCallReason.OPTED_OUT);
        for (String listId : event.listIds()) {
            inserts.add(INSERT_MEMBER, listId, event.contactId());
        }
        if (!event.listIds().isEmpty()) {
            membership.joined(Set.copyOf(event.listIds()));
        }
    }

    @EventHandler
    void on(ContactUpdatedEvent event) {
        inserts.flush();
        ResolvedTimezone tz = event.timezone();
        jdbc.update("""
                update dialer.contacts set phone = ?, details = ?::jsonb, timezone = ?, candidates = ?, do_not_call = ?
                where contact_id = ?""",
                event.details().phoneNumber(), Json.write(event.details()), zone(tz), candidates(tz),
                event.doNotCall(), event.contactId());
    }

    @EventHandler
    void on(ContactDeletedEvent event) {
        inserts.flush();
        jdbc.update("update dialer.contacts set deleted = true where contact_id = ?", event.contactId());
        List<String> lists = jdbc.queryForList("delete from dialer.list_members where contact_id = ? returning list_id", String.class,
                event.contactId());
        membership.left(event.contactId(), Set.copyOf(lists));
    }

    @EventHandler
    void on(ContactOptedOutEvent event) {
        inserts.flush();
        jdbc.update("update dialer.contacts set opted_out = true, do_not_call = true where contact_id = ?", event.contactId());
    }

    @EventHandler
    void on(ContactAddedToListEvent event) {
        inserts.add(INSERT_MEMBER, event.listId(), event.contactId());
        membership.joined(Set.of(event.listId()));
    }

    @EventHandler
    void on(ContactRemovedFromListEvent event) {
        inserts.flush();
        jdbc.update("delete from dialer.list_members where list_id = ? and contact_id = ?", event.listId(), event.contactId());
        membership.left(event.contactId(), Set.of(event.listId()));
    }

    public boolean agentExists(String accountId, String agentId) {
        return exists("select 1 from dialer.agents where agent_id = ? and account_id = ? and not deleted", agentId, accountId);
    }

    public boolean listExists(String accountId, String listId) {
        return exists("select 1 from dialer.lists where list_id = ? and account_id = ? and not deleted", listId, accountId);
    }

    public int listSize(String listId) {
        inserts.flush();
        Integer count = jdbc.queryForObject("""
                select count(*) from dialer.list_members m join dialer.contacts c on c.contact_id = m.contact_id
                where m.list_id = ? and not c.deleted""", Integer.class, listId);
        return count == null ? 0 : count;
    }

    public Optional<AgentSettings> agent(String agentId) {
        return jdbc.query("select settings from dialer.agents where agent_id = ?",
                (rs, i) -> Json.read(rs.getString(1), AgentSettings.class), agentId).stream().findFirst();
    }

    public Optional<ContactDetails> contact(String contactId) {
        inserts.flush();
        return jdbc.query("select details from dialer.contacts where contact_id = ?",
                (rs, i) -> Json.read(rs.getString(1), ContactDetails.class), contactId).stream().findFirst();
    }

    private boolean exists(String sql, Object... args) {
        inserts.flush();
        return !jdbc.queryForList(sql, args).isEmpty();
    }

    private static String zone(ResolvedTimezone tz) {
        return tz == null ? null : tz.timezone();
    }

    private static String candidates(ResolvedTimezone tz) {
        return tz == null || tz.candidates() == null || tz.candidates().isEmpty() ? null : String.join(",", tz.candidates());
    }
}

package io.outboundcalls.command.dialer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who belongs to a campaign, as the dialer keeps it: the members it took at the start and
 * those that joined its list since ({@code dialer.campaign_contacts}), against the list as it
 * is now ({@code dialer.list_members}).
 * <p>
 * A membership change and a campaign's decision about its members take the campaign's row in
 * turn: the change share-locks the row of every unfinished campaign of the list (changes do
 * not wait for each other), a decision (start, enrolment, completion) locks it for update. So
 * a contact joining at the very moment the last member becomes final either commits first and
 * is seen by the completion check, or waits and joins a campaign that is already completed.
 */
@Component
public class CampaignMembership {

    /** Contacts enrolled by one event; a larger join (an import) is enrolled over several. */
    static final int ENROLL_BATCH = 1_000;

    private static final String CHANGES = CampaignMembership.class.getName() + ".changes";

    private final JdbcTemplate jdbc;
    private final DialerNudger nudger;
    private final Clock clock;

    CampaignMembership(JdbcTemplate jdbc, DialerNudger nudger, Clock clock) {
        this.jdbc = jdbc;
        this.nudger = nudger;
        this.clock = clock;
    }

    /** Locks the campaign's row for a decision about its members, until the command's transaction ends. */
    public void lockForDecision(String campaignId) {
        jdbc.queryForList("select campaign_id from dialer.campaigns where campaign_id = ? for update", campaignId);
    }

    /**
     * The current members of the list that are not members of the campaign yet (at most
     * {@link #ENROLL_BATCH}); the campaign stays marked as having new members while more remain.
     */
    public List<String> newMembers(String campaignId) {
        List<String> fresh = jdbc.queryForList("""
                select m.contact_id from dialer.campaigns k
                join dialer.list_members m on m.list_id = k.list_id
                join dialer.contacts c on c.contact_id = m.contact_id and not c.deleted
                where k.campaign_id = ? and not exists (
                    select 1 from dialer.campaign_contacts cc where cc.campaign_id = k.campaign_id and cc.contact_id = m.contact_id)
                order by m.contact_id limit ?""", String.class, campaignId, ENROLL_BATCH + 1);
        if (fresh.size() <= ENROLL_BATCH) {
            jdbc.update("delete from dialer.roster_changes where campaign_id = ?", campaignId);
            return fresh;
        }
        return fresh.subList(0, ENROLL_BATCH);
    }

    /** Whether a member of the campaign is still to be called or on a call. */
    public boolean hasUnfinishedMembers(String campaignId) {
        return !jdbc.queryForList("""
                select 1 from dialer.campaign_contacts where campaign_id = ? and state in ('pending', 'dialing') limit 1""",
                campaignId).isEmpty();
    }

    /** Whether the campaign's list gained members since its last enrolment. */
    boolean hasNewMembers(String campaignId) {
        return !jdbc.queryForList("select 1 from dialer.roster_changes where campaign_id = ?", campaignId).isEmpty();
    }

    /**
     * Called when contacts join these lists in the current transaction: marks the running and
     * paused campaigns of each list as having new members and wakes them once it committed.
     */
    void joined(Set<String> listIds) {
        Changes changes = changes();
        for (String listId : listIds) {
            for (Map<String, Object> campaign : changes.campaignsOf(listId)) {
                String campaignId = (String) campaign.get("campaign_id");
                if (!"draft".equals(campaign.get("status")) && changes.marked.add(campaignId)) {
                    jdbc.update("insert into dialer.roster_changes (campaign_id) values (?) on conflict do nothing", campaignId);
                    nudgeAfterCommit(campaignId);
                }
            }
        }
    }

    /**
     * Called when the contact leaves these lists (or is deleted): its pending attempts in their
     * unfinished campaigns fall due now, so the next tick ends them (skipped as
     * {@code removed_from_list} or {@code deleted}) instead of at their retry time.
     */
    void left(String contactId, Set<String> listIds) {
        Changes changes = changes();
        for (String listId : listIds) {
            for (Map<String, Object> campaign : changes.campaignsOf(listId)) {
                String campaignId = (String) campaign.get("campaign_id");
                if (jdbc.update("""
                        update dialer.campaign_contacts set due_at = least(due_at, ?)
                        where campaign_id = ? and contact_id = ? and state = 'pending'""",
                        Timestamp.from(clock.instant()), campaignId, contactId) > 0) {
                    nudgeAfterCommit(campaignId);
                }
            }
        }
    }

    /** One transaction's membership changes: each list's campaigns are share-locked once. */
    private Changes changes() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().getOrComputeResource(CHANGES, key -> new Changes())
                : new Changes();
    }

    private final class Changes {

        private final Map<String, List<Map<String, Object>>> campaignsByList = new HashMap<>();
        private final Set<String> marked = new HashSet<>();

        /** The unfinished campaigns of the list, share-locked by the first ask in this transaction. */
        List<Map<String, Object>> campaignsOf(String listId) {
            return campaignsByList.computeIfAbsent(listId, id -> jdbc.queryForList("""
                    select campaign_id, status from dialer.campaigns where list_id = ? and status in ('draft', 'running', 'paused')
                    order by campaign_id for share""", id));
        }
    }

    private void nudgeAfterCommit(String campaignId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> nudger.nudge(campaignId));
        } else {
            nudger.nudge(campaignId);
        }
    }
}

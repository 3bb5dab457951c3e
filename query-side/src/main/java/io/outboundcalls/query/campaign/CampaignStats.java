package io.outboundcalls.query.campaign;

import java.util.Map;

/**
 * Contacts: {@code pending + inProgress + completed = totalContacts}. {@code attempts} counts
 * calls placed; {@code outcomes} counts calls per outcome; {@code creditsSpent} what they cost.
 */
public record CampaignStats(int totalContacts, int pending, int inProgress, int completed, int attempts,
                            Map<String, Integer> outcomes, long creditsSpent) {
}

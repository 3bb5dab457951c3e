package io.outboundcalls.events.contact;

/** Where a contact stands with the campaigns that call it. */
public enum ContactStatus {
    NEW, IN_CAMPAIGN, REACHED, UNREACHABLE, OPTED_OUT
}

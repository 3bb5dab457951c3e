package io.outboundcalls.events.account;

/** The commercial tier of an account; it decides the default rate and concurrency limits. */
public enum Tier {
    STANDARD, PROFESSIONAL, ENTERPRISE
}

package io.outboundcalls.app.web;

/** The answer to every DELETE: {@code {"id":…,"object":…,"deleted":true}}. */
public record Deleted(String id, String object, boolean deleted) {
}

package io.outboundcalls.app.web;

/** One invalid field of a request: its dotted path, a stable code, and a sentence for humans. */
public record FieldError(String param, String code, String detail) {
}

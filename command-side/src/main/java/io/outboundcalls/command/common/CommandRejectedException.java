package io.outboundcalls.command.common;

/**
 * A command refused by a rule. {@code code} is the stable machine string clients see;
 * {@code kind} tells the HTTP edge which status it maps to.
 */
public class CommandRejectedException extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;
    private final String code;
    private final String param;

    public CommandRejectedException(Kind kind, String code, String param, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.param = param;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }
}

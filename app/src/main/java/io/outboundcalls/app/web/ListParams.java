package io.outboundcalls.app.web;

import io.outboundcalls.command.common.Ids;
import io.outboundcalls.query.common.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The query string of a list endpoint: {@code limit} (1–100, default 20), {@code starting_after},
 * {@code ending_before}, {@code created_gte}, {@code created_lt}, plus the resource's own filters.
 * Unknown parameters are refused, so a misspelt filter never silently returns everything.
 */
public final class ListParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Set<String> PAGING = Set.of("limit", "starting_after", "ending_before", "created_gte", "created_lt");

    private final HttpServletRequest request;
    private final List<FieldError> errors = new ArrayList<>();

    private ListParams(HttpServletRequest request, Set<String> filters) {
        this.request = request;
        Set<String> allowed = new HashSet<>(PAGING);
        allowed.addAll(filters);
        request.getParameterMap().keySet().stream().filter(name -> !allowed.contains(name)).sorted().forEach(name ->
                errors.add(new FieldError(name, "unknown_parameter", "Unknown query parameter '" + name + "'")));
    }

    public static ListParams of(HttpServletRequest request, String... filters) {
        return new ListParams(request, Set.of(filters));
    }

    /** Reads the paging parameters; the cursors must be ids of this resource ({@code idPrefix}). */
    public PageRequest page(String idPrefix) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = request.getParameter("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
                if (limit < 1 || limit > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "out_of_range", "'limit' must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "invalid_type", "'limit' must be an integer"));
            }
        }
        String startingAfter = cursor("starting_after", idPrefix);
        String endingBefore = cursor("ending_before", idPrefix);
        if (startingAfter != null && endingBefore != null) {
            errors.add(new FieldError("ending_before", "invalid_request",
                    "Use either 'starting_after' or 'ending_before', not both"));
        }
        return new PageRequest(limit, startingAfter, endingBefore, instant("created_gte"), instant("created_lt"));
    }

    public String string(String name, int maxLength) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(name, "too_long", "'" + name + "' must be at most " + maxLength + " characters"));
            return null;
        }
        return value.strip();
    }

    public String enumValue(String name, Set<String> allowed) {
        String value = string(name, 100);
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(name, "invalid_value", "'" + name + "' must be one of " + String.join(", ", allowed.stream().sorted().toList())));
            return null;
        }
        return value;
    }

    public Boolean bool(String name) {
        String value = string(name, 5);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "invalid_type", "'" + name + "' must be true or false"));
            return null;
        }
        return Boolean.parseBoolean(value);
    }

    /** ISO-8601 instant ({@code 2026-03-25T09:00:00Z}, with any offset) or a date (midnight UTC). */
    public Instant instant(String name) {
        String value = string(name, 64);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(new FieldError(name, "invalid_timestamp",
                        "'" + name + "' must be an ISO-8601 timestamp such as 2026-03-25T09:00:00Z"));
                return null;
            }
        }
    }

    public void error(String name, String code, String detail) {
        errors.add(new FieldError(name, code, detail));
    }

    /** Query-string problems are 400: the request itself is malformed. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, first.code(), first.param(),
                    first.detail(), errors);
        }
    }

    private String cursor(String name, String idPrefix) {
        String value = string(name, 100);
        if (value != null && !Ids.hasPrefix(value, idPrefix)) {
            errors.add(new FieldError(name, "invalid_cursor", "'" + name + "' must be an id starting with " + idPrefix + "_"));
            return null;
        }
        return value;
    }
}

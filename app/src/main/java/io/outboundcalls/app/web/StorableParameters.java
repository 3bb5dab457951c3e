package io.outboundcalls.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * Refuses, before the handler runs, a request whose query parameters or form fields (an upload's
 * {@code list_name}…) hold a string PostgreSQL cannot store: 422 {@code invalid_string} naming each
 * parameter. Paths and headers never get here with such characters: Tomcat refuses NUL, control
 * characters and bytes that are not UTF-8 in them with 400.
 */
final class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = StorableStrings.inParameters(request.getParameterMap());
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return true;
    }
}

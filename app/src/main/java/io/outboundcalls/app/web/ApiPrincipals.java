package io.outboundcalls.app.web;

import io.outboundcalls.command.account.AccountRegistry.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** The authenticated account of a /v1 request; controllers take it as a {@link Principal} parameter. */
public final class ApiPrincipals implements HandlerMethodArgumentResolver {

    public static final String ATTRIBUTE = "outboundcalls.principal";

    public static Principal of(HttpServletRequest request) {
        return (Principal) request.getAttribute(ATTRIBUTE);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Principal.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Principal principal = of(webRequest.getNativeRequest(HttpServletRequest.class));
        if (principal == null) {
            throw new IllegalStateException("No authenticated principal on " + parameter.getExecutable());
        }
        return principal;
    }
}

package io.outboundcalls.console.web;

import io.outboundcalls.console.security.ConsoleMember;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Before the API's problem+json handler: a console page that does not exist is an HTML 404 page. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    /** Model attributes of the advice are not added for exception handlers: the header's member is added here. */
    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("console/not-found");
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        page.addObject("member", signedIn != null && signedIn.getPrincipal() instanceof ConsoleMember m ? m : null);
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}

package io.outboundcalls.console.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Before the API's problem+json handler: a console page that does not exist is an HTML 404 page. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("console/not-found");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
